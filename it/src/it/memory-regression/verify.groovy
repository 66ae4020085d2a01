// The committed ff-baseline.json holds half of the cell's real training peak: the build fails,
// after writing everything, with the value, the baseline value, the growth, the bound and the command.
import groovy.json.JsonSlurper

File out = new File(basedir, 'target/ff-benchmark')
String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
def baseline = new JsonSlurper().parse(new File(basedir, 'ff-baseline.json'))

def total = { m -> (long) (m.parameters + m.gradients + m.optimizerState + m.transientBytes) }
long now = total(results.cells[0].result.memory.trainingPeak)
long before = total(baseline.cells[0].result.memory.trainingPeak)
assert now > before
String growth = String.format(Locale.ROOT, '%+.2f %%', 100.0d * (now - before) / before)
def fmt = { long v -> String.format(Locale.ROOT, '%,d B', v) }

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project memory-regression: 1 gate violation \(3 gates: 2 passed, 1 failed, 0 skipped\):\R/
String expected = """\
[ERROR]   [baseline] ff-base-sum-squares-d2-w16-s1: trainingPeakBytes is ${fmt(now)}, baseline ${fmt(before)} (${growth}); allowed: at most +0.00 % over the baseline
[ERROR] If the new numbers are intended, accept them as the new baseline with: mvn ff:baseline
"""
assert log.contains(expected) : "expected:\n${expected}\nin:\n${log}"

// written before the gate failed the build
assert new File(out, 'summary.md').text.contains('**FAILED**: 3 gates: 2 passed, 1 failed, 0 skipped.')
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
assert junit.@failures.text() == '1'
assert junit.testcase.find { it.failure.size() > 0 }.failure.@message.text().startsWith('[baseline] ff-base-sum-squares-d2-w16-s1: trainingPeakBytes is ')
assert new File(out, 'report.html').isFile()
return true
