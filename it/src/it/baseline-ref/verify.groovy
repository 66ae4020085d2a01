// Judged against main's committed baseline (100,000 B), not the working tree's older one (1,000,000,000,000 B,
// as at the merge base: main re-recorded since, the pull request did not): the build fails with the exact values;
// the same results pass against the working tree's file; a revision git does not know and one without the
// baseline file are errors naming the problem.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def git = { List<String> args ->
    def process = new ProcessBuilder(['git'] + args).directory(basedir).redirectErrorStream(true).start()
    String out = process.inputStream.getText('UTF-8')
    assert process.waitFor() == 0 : out
    return out.trim()
}
String main = git(['rev-parse', 'main']).substring(0, 7)
String before = git(['rev-parse', 'before-baseline']).substring(0, 7)
String mergeBase = git(['merge-base', 'main', 'pull-request']).substring(0, 7)
assert git(['rev-parse', '--abbrev-ref', 'HEAD']) == 'pull-request'
assert new File(basedir, 'ff-baseline.json').text.contains('"parameters" : 1000000000000') ||
        new File(basedir, 'ff-baseline.json').text.contains('"parameters": 1000000000000') : 'the working tree has the raised baseline'

def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
def m = results.cells[0].result.memory.trainingPeak
long now = (long) (m.parameters + m.gradients + m.optimizerState + m.transientBytes)
String fmt = String.format(Locale.ROOT, '%,d B', now)
String growth = String.format(Locale.ROOT, '%+.2f %%', 100.0d * (now - 100_000) / 100_000)

// 1: ff:benchmark -Dff.baselineRef=main
assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project baseline-ref: 1 gate violation \(3 gates: 2 passed, 1 failed, 0 skipped\):\R/
String expected = """\
[ERROR]   [baseline] backprop-d1-w16-s1: trainingPeakBytes is ${fmt}, baseline 100,000 B (${growth}); allowed: at most +0.00 % over the baseline
[ERROR] If the new numbers are intended, accept them as the new baseline with: mvn ff:baseline, then commit ff-baseline.json (it then differs from the one at main, so the gates judge against it and the summary lists the re-recorded cells for review)
"""
assert log.contains(expected) : "expected:\n${expected}\nin:\n${log}"
assert log.contains("[INFO] against baseline ff-baseline.json at main (commit ${main}): 1 cell: 1 regression\n")
assert log.contains("[INFO] ff-baseline.json differs from ff-baseline.json at main (commit ${main}), but not from the one"
        + " at the merge base (commit ${mergeBase}): main re-recorded it since, this branch did not, so the gates judge"
        + " against ff-baseline.json at main (commit ${main})\n")
String summary = new File(basedir, 'target/ff-benchmark/summary.md').getText('UTF-8')
assert summary.readLines()[2] == "# FF Bench results against baseline ff-baseline.json at main (commit ${main})"
assert summary.contains("| **regression** | backprop-d1-w16-s1 | ${fmt} | **+${String.format(Locale.ROOT, '%,d', now - 100_000)} B (${growth})** |")
String report = new File(basedir, 'target/ff-benchmark/report.html').getText('UTF-8')
assert report.contains("Baseline ff-baseline.json at main (commit ${main}): 1 cells, generated 2026-11-26T19:51:39Z")
assert report.contains('<section id="comparison">')

// 2: ff:check against the working tree's baseline passes
assert log.contains('[INFO] against baseline ff-baseline.json: 1 cell: 1 improvement\n')
assert log.contains('[INFO] 1 of 1 cells passed; 3 gates: 3 passed, 0 failed, 0 skipped; wrote target/working-tree/results.json, ')
assert new File(basedir, 'target/working-tree/summary.md').readLines()[2] == '# FF Bench results against baseline ff-baseline.json'

// 3: a revision git does not know
assert log.contains("on project baseline-ref: ff-maven-plugin: baselineRef is 'no-such-branch': the git repository has no"
        + " such revision; allowed: a branch, tag or commit id the repository has (in CI, fetch the target branch first,"
        + " e.g. actions/checkout with fetch-depth: 0, or git fetch origin main)\n")
assert !new File(basedir, 'target/unknown-revision').exists() : 'nothing written'

// 4: a revision without the baseline file
assert log.contains("on project baseline-ref: ff-maven-plugin: baselineRef is 'before-baseline' (commit ${before}):"
        + " ff-baseline.json does not exist at that revision; allowed: a revision where the baseline file is committed"
        + " (record it with mvn ff:baseline and commit it there), or no baselineRef to use the working tree's"
        + " ff-baseline.json\n")
assert !new File(basedir, 'target/no-file').exists() : 'nothing written'
return true
