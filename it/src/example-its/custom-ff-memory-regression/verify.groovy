// One more activation-sized array per step in the user's algorithm: the committed baseline catches it,
// to the byte, and the build fails naming the cell, the metric, both byte counts and the accepting command;
// the ratio gate against backprop catches it too.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
def baseline = new JsonSlurper().parse(new File(basedir, 'ff-baseline.json'))
def peak = { doc, id -> doc.cells.find { it.id == id }.result.memory.trainingPeak.with {
        (long) (parameters + gradients + optimizerState + transientBytes) } }
def fmt = { long v -> String.format(Locale.ROOT, '%,d B', v) }

for (String id : ['collab-ff-sum-squares-d2-w256-s1', 'collab-ff-sum-abs-d2-w256-s1']) {
    long now = peak(results, id)
    long before = peak(baseline, id)
    assert now - before == 2 * 64 * 256 * 4 : "exactly one activation array more: ${now - before}"
    String growth = String.format(Locale.ROOT, '%+.2f %%', 100.0d * (now - before) / before)
    assert log.contains("[ERROR]   [baseline] ${id}: trainingPeakBytes is ${fmt(now)}, baseline ${fmt(before)} (${growth});"
            + " allowed: at most +0.00 % over the baseline\n")
}
// the built-in algorithms did not change
for (String id : ['ff-base-sum-squares-d2-w256-s1', 'backprop-d2-w256-s1']) {
    assert peak(results, id) == peak(baseline, id)
}
// the extra array also takes collab-ff past the example's bound of 1.10 x backprop's peak
long backprop = peak(results, 'backprop-d2-w256-s1')
for (String id : ['collab-ff-sum-squares-d2-w256-s1', 'collab-ff-sum-abs-d2-w256-s1']) {
    String ratio = String.format(Locale.ROOT, '%.3f', (double) peak(results, id) / backprop)
    assert log.contains("[ERROR]   [ratio] ${id} vs backprop-d2-w256-s1: trainingPeakBytes ratio is ${ratio}"
            + " (${fmt(peak(results, id))} / ${fmt(backprop)}); allowed: at most 1.100 (ratios[1])\n")
}
assert log =~ /on project custom-ff: 4 gate violations \(19 gates: 15 passed, 4 failed, 0 skipped\):/
assert log.contains('[ERROR] For the [baseline] violations: if the new numbers are intended, accept them as the new'
        + ' baseline with: mvn ff:baseline\n')
// a ratio is not the baseline's: the message says so instead of suggesting ff:baseline for it
assert log.contains('[ERROR] A [ratio] rule compares with its reference algorithm, not the baseline, so mvn ff:baseline'
        + ' does not change it: ')
return true
