// Advisory gates (-Dff.failOnViolation=false): the committed baseline holds half of the cell's real
// training peak, so its memory gate fails; the violation is reported everywhere as it would be when it
// fails the build (log, summary.md, TEST-ff-benchmark.xml, report.html, a GitHub annotation), and the
// build passes with a warning that says the gates were advisory and counts the violations.
import groovy.json.JsonSlurper

File out = new File(basedir, 'target/ff-benchmark')
String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
def baseline = new JsonSlurper().parse(new File(basedir, 'ff-baseline.json'))
def total = { m -> (long) (m.parameters + m.gradients + m.optimizerState + m.transientBytes) }
long now = total(results.cells[0].result.memory.trainingPeak)
long before = total(baseline.cells[0].result.memory.trainingPeak)
assert now > before
def fmt = { long v -> String.format(Locale.ROOT, '%,d B', v) }
String growth = String.format(Locale.ROOT, '%+.2f %%', 100.0d * (now - before) / before)
String violation = "[baseline] ff-base-sum-squares-d2-w16-s1: trainingPeakBytes is ${fmt(now)}, baseline ${fmt(before)}" +
        " (${growth}); allowed: at most +0.00 % over the baseline"

// the log: the advisory warning with the count, then the violation itself; and the build passes
assert log.contains('[WARNING] the gates are advisory (failOnViolation=false): 1 gate violation (3 gates: 2 passed,' +
        ' 1 failed, 0 skipped) is reported (log, summary.md, TEST-ff-benchmark.xml, report.html) but does not fail the' +
        " build:\n[WARNING]   ${violation}\n") : log
assert log.contains('BUILD SUCCESS')
assert !log.contains('[ERROR]')

// summary.md: its first line is the verdict, in its exact form; the gates section as when the gate fails the build
def git = { String... args ->
    def process = new ProcessBuilder(['git'] + args.toList()).directory(basedir).start()
    String text = process.inputStream.getText('UTF-8').trim()
    assert process.waitFor() == 0
    return text
}
String head = git('rev-parse', '--short=7', 'HEAD')
List<String> summary = new File(out, 'summary.md').readLines('UTF-8')
assert summary[0] == "**FF Bench: passed with violations (advisory)** (1 gate violation): against the baseline 1 regression," +
        " 0 improvements, 0 unchanged, 0 new, 0 missing; head ${head} against baseline ${head}."
assert summary[2] == '# FF Bench results against baseline ff-baseline.json'
assert summary.contains('**FAILED**: 3 gates: 2 passed, 1 failed, 0 skipped.')

// the JUnit XML: a failure element with the violation as its message
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
assert junit.@failures.text() == '1'
def failed = junit.testcase.find { it.failure.size() > 0 }
assert failed.@classname.text() == 'ff.gates.baseline'
assert failed.@name.text() == 'ff-base-sum-squares-d2-w16-s1: trainingPeakBytes'
assert failed.failure.@message.text() == violation.toString()
assert junit.properties.property.find { it.@name.text() == 'ff.verdict' }.@value.text() == 'passed with violations (advisory)'

// report.html shows it: the gates failed, and the violation's row with its detail
String report = new File(out, 'report.html').getText('UTF-8')
assert report.contains('<p>Gates: FAILED (3 gates: 2 passed, 1 failed, 0 skipped).</p>')
assert report.contains('<tr class="failed">\n          <td>failed</td><td>baseline</td><td>ff-base-sum-squares-d2-w16-s1</td>' +
        '<td>trainingPeakBytes</td>')
assert report.contains("<td>${violation}</td>")

// GITHUB_ACTIONS=true: the violation as a workflow command on stdout, at the start of its line, escaped
String escapedTitle = 'FF Bench%3A baseline gate violation (advisory%3A failOnViolation=false)%3A' +
        ' ff-base-sum-squares-d2-w16-s1%3A trainingPeakBytes'
assert log.contains("\n::error title=${escapedTitle}::${violation.replace('%', '%25')}\n") : log
return true
