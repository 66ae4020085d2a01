import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
// build.log holds both invocations: the second starts with the whole matrix
int second = log.indexOf('FF Bench: 2 cells, ')
assert second > 0
String resumed = log.substring(second)
assert resumed.contains('resume: 1 of 2 cells already passed in ') : 'the first run\'s cell is kept'
assert resumed.contains(' and are kept; 1 run now')
assert resumed =~ /cell 1\/1 backprop-d2-w24-s1 done in /
assert !resumed.contains('backprop-d2-w16-s1: backprop') : 'the kept cell does not run again'
def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.matrixCells == 2
assert results.shards == []
assert results.cells*.id == ['backprop-d2-w16-s1', 'backprop-d2-w24-s1']
assert results.cells*.status == ['passed', 'passed']
assert new File(out, 'work').list().length == 0
assert !out.listFiles().any { it.name.endsWith('.tmp') }
return true
