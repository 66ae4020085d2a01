import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def baseline = new JsonSlurper().parse(new File(basedir, 'ff-baseline.json'))
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))

assert baseline.schemaVersion == 3
assert baseline.kind == 'baseline'
assert baseline.fingerprint.keySet().containsAll(['javaVersion', 'nd4jVersion', 'blasVendor', 'openblasCoreType', 'cpuModel', 'threads'])
assert baseline.fingerprint.javaVersion == System.getProperty('java.version')
assert baseline.cells*.id == ['ff-base-symba-d2-w16-s1', 'ff-base-symba-d2-w16-s2', 'backprop-d2-w16-s1', 'backprop-d2-w16-s2']
assert baseline.cells*.result.memory == results.cells*.result.memory

assert log =~ /wrote baseline .*ff-baseline\.json: 4 cells, measured on /
// invocation 1 had no baseline yet, and said so
String benchmark = log.substring(0, log.indexOf(':check (default-cli)'))
assert benchmark.contains('no baseline file at ') && benchmark.contains('baseline-relative gates skipped')
// invocation 2, ff:check: 4 cells x 2 memory gates + 2 groups of seeds x 1 accuracy gate, all against the baseline.
// Backprop learned in 3 epochs; FF Base at width 16 barely: a seed whose predictions are degenerate (in this run
// and, the same numbers, in the baseline) is left out of its group's comparison; when every seed is, the group's
// accuracy is no measure and the gate is skipped saying why
String check = log.substring(log.indexOf(':check (default-cli)'))
def degenerate = results.cells.findAll { it.result.evaluation.degenerate }*.id
assert degenerate.every { it.startsWith('ff-base-') } : degenerate
boolean ffSkipped = results.cells.findAll { it.id.startsWith('ff-base-') }.every { it.result.evaluation.degenerate }
assert check.contains(ffSkipped ? '4 of 4 cells passed; 10 gates: 9 passed, 0 failed, 1 skipped'
        : '4 of 4 cells passed; 10 gates: 10 passed, 0 failed, 0 skipped')
assert !check.contains('no baseline file at') : '-Dff.failIfNoBaseline=true: the baseline must have been found'
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/ff-benchmark/TEST-ff-benchmark.xml'))
assert junit.testcase.findAll { it.@classname.text() == 'ff.gates.baseline' }.size() == 10
def ffAccuracy = junit.testcase.find { it.@name.text() == 'ff-base-symba-d2-w16: testAccuracy' }
assert !ffSkipped || ffAccuracy.skipped.@message.text().endsWith('not compared: the predictions of this run and of the baseline are' +
        ' degenerate (ff-base-symba-d2-w16 (seeds 1, 2)), so neither accuracy is a measure of learning')
assert log.contains('BUILD SUCCESS')
return true
