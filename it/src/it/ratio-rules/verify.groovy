// Invocation 1 ran the cells and passed its ratio gate; invocation 2 judged the same results with a
// ratio no real FF run can meet (1 % of backprop's training peak) and failed.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
def total = { m -> (long) (m.parameters + m.gradients + m.optimizerState + m.transientBytes) }
long ff = total(results.cells[0].result.memory.trainingPeak)
long bp = total(results.cells[1].result.memory.trainingPeak)
String ratio = String.format(Locale.ROOT, '%.3f', ff / (double) bp)
def fmt = { long v -> String.format(Locale.ROOT, '%,d B', v) }

assert log.contains('1 gate: 1 passed, 0 failed, 0 skipped') : 'the benchmark passed its own ratio rule'
assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:check \(default-cli\) on project ratio-rules: 1 gate violation \(1 gate: 0 passed, 1 failed, 0 skipped\):\R/
assert log.contains("[ERROR]   [ratio] ff-base-symba-d2-w16-s1 vs backprop-d2-w16-s1: trainingPeakBytes ratio is ${ratio} (${fmt(ff)} / ${fmt(bp)}); allowed: at most 0.010 (ratios[1])\n")
assert log.contains("[ERROR] A [ratio] rule compares with its reference algorithm, not the baseline, so mvn ff:baseline" +
        " does not change it: fix the regression, or, if the new ratio is intended, change that ratio's minimum or maximum" +
        " in <ratios> of the plugin's configuration in the POM (or in -Dff.ratios)\n")
assert !log.contains('accept them as the new baseline') : 'a new baseline cannot fix a ratio rule'
return true
