import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.cells*.status == ['passed', 'failed']
def failed = results.cells[1]
assert failed.id == 'backprop-d2-w16-s1-bad-idx'
assert failed.failure.startsWith('the engine rejected the cell (exit code 2: bad spec or dataset): ')
assert failed.failure.contains('train-images-idx3-ubyte') && failed.failure.contains('truncated') : failed.failure
assert failed.logTail.any { it.startsWith('ff-engine: ') }
assert new File(out, "cells/${failed.id}.log").isFile()

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project failed-cell: 1 of 2 cells failed \(logs in .*cells\):\R/
assert log.contains("[ERROR]   ${failed.id}: ${failed.failure}")
assert log.contains('MojoExecutionException') : 'a broken run, not a failed gate'
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
assert junit.@errors.text() == '1'
return true
