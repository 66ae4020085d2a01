// Invocation 1 ran FF Base, backprop and backprop's two memory variants at depths 2 and 6 and passed a
// ratio gate against each reference; invocation 2 judged the same results with a ratio against the
// checkpointed backprop that no real FF run meets (1 %) and failed naming that reference.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
def cell = { String id -> results.cells.find { it.id == id }.result.memory.trainingPeak }
def total = { m -> (long) (m.parameters + m.gradients + m.optimizerState + m.transientBytes) }
def fmt = { long v -> String.format(Locale.ROOT, '%,d B', v) }

assert log.contains('8 of 8 cells passed; 10 gates: 10 passed, 0 failed, 0 skipped') : 'five ratio rules, two depths each'
// a learning rate scoped to backprop reaches its cells alone; every other algorithm keeps its own default
def rate = { String id -> results.cells.find { it.id == id }.spec.learningRate }
assert rate('backprop-d2-w16-s1') == 0.0003 && rate('backprop-d6-w16-s1') == 0.0003
assert rate('backprop-checkpointed-d2-w16-s1') == 0.001 && rate('backprop-layerwise-update-d6-w16-s1') == 0.001
assert rate('ff-base-symba-d2-w16-s1') == 0.003

// 50 rows of width 16: one activation array is 3,200 B and its 50 scales 224 B (200 B, 32-byte aligned)
def backprop6 = cell('backprop-d6-w16-s1')
def checkpointed6 = cell('backprop-checkpointed-d6-w16-s1')
def layerwise6 = cell('backprop-layerwise-update-d6-w16-s1')
// k = 2 at depth 6: 2 kept inputs and 1 segment buffer instead of 5 kept inputs
assert backprop6.transientBytes - checkpointed6.transientBytes == 2 * (3200 + 224)
assert backprop6.gradients == checkpointed6.gradients && backprop6.optimizerState == checkpointed6.optimizerState
// one layer's gradients, the largest (784 x 16 + 16 values), instead of every layer's; the same working set
assert layerwise6.gradients == (784 * 16 + 16) * 4
assert layerwise6.transientBytes == backprop6.transientBytes
assert backprop6.parameters == layerwise6.parameters
// depth 2: the default k is 1, so checkpointing keeps what backprop keeps
assert total(cell('backprop-checkpointed-d2-w16-s1')) == total(cell('backprop-d2-w16-s1'))

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:check \(default-cli\) on project backprop-variants: 2 gate violations \(2 gates: 0 passed, 2 failed, 0 skipped\):\R/
for (int depth : [2, 6]) {
    long ff = total(cell("ff-base-symba-d${depth}-w16-s1"))
    long reference = total(cell("backprop-checkpointed-d${depth}-w16-s1"))
    String ratio = String.format(Locale.ROOT, '%.3f', ff / (double) reference)
    assert log.contains("[ERROR]   [ratio] ff-base-symba-d${depth}-w16-s1 vs backprop-checkpointed-d${depth}-w16-s1: trainingPeakBytes"
            + " ratio is ${ratio} (${fmt(ff)} / ${fmt(reference)}); allowed: at most 0.010 (ratios[1])\n")
}
return true
