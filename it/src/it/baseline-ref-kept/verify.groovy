// The pull request keeps main's baseline (100,000 B): judged against it, the grown training peak fails the build
// with the exact values, no banner appears, and ff:history records the failed verdict.
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

def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
def m = results.cells[0].result.memory.trainingPeak
long now = (long) (m.parameters + m.gradients + m.optimizerState + m.transientBytes)
String fmt = String.format(Locale.ROOT, '%,d B', now)
String growth = String.format(Locale.ROOT, '%+.2f %%', 100.0d * (now - 100_000) / 100_000)

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project baseline-ref-kept: 1 gate violation \(3 gates: 2 passed, 1 failed, 0 skipped\):\R/
assert log.contains("[ERROR]   [baseline] backprop-d1-w16-s1: trainingPeakBytes is ${fmt}, baseline 100,000 B (${growth});"
        + " allowed: at most +0.00 % over the baseline\n")
assert log.contains("[INFO] against baseline ff-baseline.json at main (commit ${main}): 1 cell: 1 regression\n")
assert !log.contains('this pull request re-records the baseline') && !log.contains('as re-recorded by this pull request') :
        'the pull request did not re-record the baseline: no banner, no warning'
String summary = new File(basedir, 'target/ff-benchmark/summary.md').getText('UTF-8')
assert !summary.contains('[!WARNING]') && !summary.contains('re-records')
assert summary.contains("| **regression** | backprop-d1-w16-s1 | ${fmt} | **+${String.format(Locale.ROOT, '%,d', now - 100_000)} B (${growth})** |")
assert !new File(basedir, 'target/ff-benchmark/report.html').getText('UTF-8').contains('id="rerecorded"')

// 2: the failed run in the history
File history = new File(basedir, 'ff-history')
List<String> files = history.list().findAll { it.endsWith('.json') }
assert files.size() == 1
assert new JsonSlurper().parse(new File(history, files[0])).gates == [verdict: 'failed', violations: 1]
assert log =~ /\[INFO\] history: recorded the run of \S+ \(commit [0-9a-f]{7}, 1 cell, gates failed \(1 violation\)\) as ff-history\//
return true
