// examples/custom-ff as a user runs it: its own algorithm and goodness function, discovered from the
// project's classes, measured beside FF Base and backprop, and gated (absolute, ratio, committed baseline).
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
String classes = new File(basedir, 'target/classes').canonicalPath

def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
assert pom.properties.'ff-bench.version'.text() == ffBenchVersion : 'the example uses the FF Bench version this build makes'

assert log.contains("[INFO] project's own algorithm collab-ff (com.example.ff.CollaborativeFf) from ${classes}\n")
assert log.contains("[INFO] project's own goodness function sum-abs (com.example.ff.SumOfAbsolutes) from ${classes}\n")

def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.cells*.id == ['collab-ff-sum-squares-d2-w256-s1', 'collab-ff-sum-abs-d2-w256-s1',
        'ff-base-sum-squares-d2-w256-s1', 'ff-base-sum-abs-d2-w256-s1', 'backprop-d2-w256-s1']
assert results.cells.every { it.status == 'passed' }
def collab = results.cells[1]
assert collab.spec.options == [goodness: 'sum-abs'] : 'the option the user algorithm declares, with the axis value'
assert collab.spec.learningRate == 0.003d : 'the algorithm\'s own default learning rate is recorded'
assert collab.result.testAccuracy > 0.75 : "collab-ff learns: ${collab.result.testAccuracy}"
// the user's model gets the exact ledger: all layers' parameters, gradients and two Adam moments
long parameters = (784 * 256 + 256 + 256 * 256 + 256) * 4
assert collab.result.memory.trainingPeak.parameters == parameters
assert collab.result.memory.trainingPeak.gradients == parameters
assert collab.result.memory.trainingPeak.optimizerState == 2 * parameters
assert collab.result.memory.trainingPeak.transientBytes > 0
// its step and its prediction keep every batch-sized array in the engine's workspaces: nothing on the Java heap
assert results.cells.every { it.result.memory.heapOutsideLedger.objects == 0 }
// the engine owns the loop: one loss of the network per epoch, and the images of every step counted
assert collab.result.losses*.epoch == [1, 2, 3] && collab.result.losses.every { it.layer == 0 }
assert Math.round(collab.result.samplesPerSecond * collab.result.trainSeconds) == 3 * 8004

assert log.contains('5 of 5 cells passed; 19 gates: 19 passed, 0 failed, 0 skipped')
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
def names = junit.testcase*.@name*.text()
assert names.contains('collab-ff-sum-abs-d2-w256-s1: testAccuracy')
assert names.contains('collab-ff-sum-abs-d2-w256-s1 vs backprop-d2-w256-s1: trainingPeakBytes')
assert names.contains('collab-ff-sum-abs-d2-w256-s1: trainingPeakBytes')

String report = new File(out, 'report.html').getText('UTF-8')
assert report.contains('collab-ff: goodness=sum-abs')
// the fairness note compares what each algorithm declares (collab-ff: length normalization, like backprop)
String fairness = report.substring(report.indexOf('<ul class="fairness">'), report.indexOf('</ul>', report.indexOf('<ul class="fairness">')))
assert fairness.contains('<strong>normalization</strong>: <span>FF: length normalization; backprop: length normalization</span>') : fairness
assert !fairness.contains('unequal') && !fairness.contains('differs between the sides') : fairness
// layerwise FF Base runs the 3 epochs once per layer; collab-ff and backprop train every layer at once
assert fairness.contains('collab-ff: 1 phase (all layers), 3 epochs') && fairness.contains('ff-base: 2 phases (layer 1, layer 2), each 3 epochs') : fairness
assert results.cells.every { it.result.traits.role == (it.spec.algorithm == 'backprop' ? 'REFERENCE' : 'CANDIDATE') }
assert log.contains('BUILD SUCCESS')
return true

// the committed baseline was measured before the engine owned the loop and before the spec was resolved once
// (and is a schema-2 file, read as such): every peak is the same to the byte, on any machine; on the machine
// that recorded it (same CPU model), every accuracy is the same too
def baseline = new JsonSlurper().parse(new File(basedir, 'ff-baseline.json'))
assert baseline.schemaVersion == 2
def recorded = baseline.cells.collectEntries { [(it.id): it.result] }
results.cells.each { cell ->
    def then = recorded[cell.id]
    assert then != null : "${cell.id} is in the committed baseline"
    assert cell.result.memory.trainingPeak == then.memory.trainingPeak : "${cell.id}: training peak"
    assert cell.result.memory.evaluationPeak == then.memory.evaluationPeak : "${cell.id}: evaluation peak"
    if (cell.result.environment.cpuModel == then.environment.cpuModel) {
        assert cell.result.testAccuracy == then.testAccuracy : "${cell.id}: test accuracy on the recording machine"
    }
}
