// Fashion-MNIST as Debian installs it: both cells passed on all 70,000 images, with the data's K, chance level,
// bytes and fingerprint recorded, and accuracies far above chance (10 %) after 300 steps of 100 images (the
// rule's minimum, 30 %; measured: FF Base 59 %, backprop about 80 %).
import groovy.json.JsonSlurper

File out = new File(basedir, 'target/ff-benchmark')
String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(out, 'results.json'))

assert results.cells*.id == ['ff-base-symba-d2-w64-s1', 'backprop-d2-w64-s1']
assert results.cells*.status == ['passed', 'passed']
results.cells.each { cell ->
    def data = cell.result.dataset
    assert [data.trainImages, data.testImages, data.height, data.width, data.channels] == [60000, 10000, 28, 28, 1]
    assert data.classes == 10
    assert cell.result.evaluation.chanceAccuracy == 0.1 : '1,000 test images of each of the 10 classes'
    assert data.fingerprint.files*.name == ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz',
                                            't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']
    assert data.fingerprint.files*.bytes == data.fingerprint.files*.name.collect {
        new File('/usr/share/datasets/fashion-mnist', it).length() }
    assert data.fingerprint.contentHash ==~ /sha256:[0-9a-f]{64}/
    assert cell.result.memory.datasetBytes == 70000L * (28 * 28 + 1)
    assert cell.result.testAccuracy > 0.3
    // the first layer takes 784 inputs (FF Base overlays the label on the first 10)
    long parameters = cell.result.memory.evaluationPeak.parameters
    // backprop's head, or FF Base's softmax readout: 10 weights per unit of both layers, no bias
    assert parameters == ((784 * 64 + 64) + (64 * 64 + 64) + (cell.spec.algorithm == 'backprop' ? 64 * 10 + 10 : 2 * 64 * 10)) * 4
}
assert results.cells[0].result.dataset.fingerprint == results.cells[1].result.dataset.fingerprint

assert log.contains('2 of 2 cells passed; 2 gates: 2 passed, 0 failed, 0 skipped')
assert log.contains('BUILD SUCCESS')
return true
