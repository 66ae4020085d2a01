// The pull request re-records the baseline (100,000 B on main, 1,000,000,000,000 B in its file): judged against
// its own file, the build passes; the log, summary.md and report.html show the re-recorded cell with its old
// (main) and new (pull request) figures under a banner; ff:history records the run's passing verdict.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def git = { List<String> args ->
    def process = new ProcessBuilder(['git'] + args).directory(basedir).redirectErrorStream(true).start()
    String out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0 : out
    return out.trim()
}
String main = git(['rev-parse', 'main']).substring(0, 7)
assert git(['rev-parse', '--abbrev-ref', 'HEAD']) == 'pull-request'

String cellLine = 'backprop-d1-w16-s1 (re-recorded: trainingPeakBytes 100,000 B -> 1,000,000,000,000 B'
assert log.contains("[WARNING] baselineRef is 'main', but ff-baseline.json differs from the one at main (commit ${main}):"
        + " the gates judge against the working tree's file, re-recorded by this pull request; this pull request"
        + " re-records the baseline: 1 cell changed: ${cellLine} (+999,999,900,000 B (+999999900.00 %)))"
        + " (summary.md and report.html list them for review)\n")
String source = "ff-baseline.json as re-recorded by this pull request (it differs from the one at main, commit ${main})"
assert log.contains("[INFO] against baseline ${source}: 1 cell: 1 improvement\n")
assert log.contains('3 gates: 3 passed, 0 failed, 0 skipped; wrote target/ff-benchmark/results.json, ')
assert log.contains('[INFO] BUILD SUCCESS')

List<String> summary = new File(basedir, 'target/ff-benchmark/summary.md').readLines('UTF-8')
int banner = summary.indexOf('> [!WARNING]')
assert banner >= 1 && banner <= 4 : "the banner is right under the first line:\n${summary.join('\n')}"
assert summary[banner + 1] == "> **This pull request re-records the baseline: 1 cell changed.** ff-baseline.json differs" +
        " from ff-baseline.json at main (commit ${main}), so the gates judge against this pull request's file: review the" +
        " re-recorded cells below. Old: the target branch's figures; new: the pull request's (trainingPeakBytes," +
        " evaluationPeakBytes, testAccuracy, the figures the baseline gates judge). 0 cells are unchanged."
assert summary.subList(banner + 2, banner + 6) == [
        '>',
        '> | cell | change | trainingPeakBytes: old → new | evaluationPeakBytes: old → new | testAccuracy: old → new |',
        '> |---|---|---|---|---|',
        '> | backprop-d1-w16-s1 | re-recorded | 100,000 B → **1,000,000,000,000 B** (+999,999,900,000 B (+999999900.00 %))' +
                ' | 1,000,000,000,000 B → 1,000,000,000,000 B | 0.00 % → 0.00 % |']
assert summary.contains('**PASSED**: 3 gates: 3 passed, 0 failed, 0 skipped.')

String report = new File(basedir, 'target/ff-benchmark/report.html').getText('UTF-8')
int section = report.indexOf('<section id="rerecorded"')
assert section > 0 && section < report.indexOf('<nav>') : 'the banner is at the top of the page'
String bannerHtml = report.substring(section, report.indexOf('</section>', section))
assert bannerHtml.contains('<h2>This pull request re-records the baseline: 1 cell changed</h2>')
assert bannerHtml.contains("ff-baseline.json differs from ff-baseline.json at main (commit ${main}), so the gates judge against this pull request&#39;s file") ||
        bannerHtml.contains("ff-baseline.json differs from ff-baseline.json at main (commit ${main}), so the gates judge against this pull request's file")
assert bannerHtml.contains('<tr data-cell="backprop-d1-w16-s1">')
assert bannerHtml.contains('<span class="old">100,000 B</span> → <span class="new">1,000,000,000,000 B</span><span class="delta">+999,999,900,000 B (+999999900.00 %)</span>')

File history = new File(basedir, 'ff-history')
List<String> files = history.list().findAll { it.endsWith('.json') }
assert files.size() == 1
def entry = new JsonSlurper().parse(new File(history, files[0]))
assert entry.gates == [verdict: 'passed', violations: 0]
assert log =~ /\[INFO\] history: recorded the run of \S+ \(commit [0-9a-f]{7}, 1 cell, gates passed\) as ff-history\//
return true
