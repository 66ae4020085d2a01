// Losses of 1e19 and more used to "pass" at 10 % accuracy: now both cells are failed cells that say
// training diverged and which learning rate to lower, and no accuracy is reported for them.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
assert results.cells*.id == ['ff-base-sum-squares-d2-w16-s1', 'backprop-d2-w16-s1']
results.cells.each { cell ->
    assert cell.status == 'failed'
    assert cell.result == null : 'no accuracy from a diverged run'
    assert cell.failure ==~ /training diverged \(the cell was stopped, no accuracy is reported\): ((ff-base|backprop)'s parameters reached [0-9.e+]+ in magnitude \(more than 1e\+06\)|FF Base's softmax readout loss is (Infinity|NaN)); lower the learning rate \(1\.0E9\)/ : cell.failure
}
assert log =~ /on project diverging-learning-rate: 2 of 2 cells failed/
// the accuracy rule judged nothing, which is no pass: it fails beside the cells (issue 13, kind 1)
assert log.contains('[ERROR]   [absolute] rules[1] (all cells, testAccuracy at least 5.00 %) judged nothing: every cell it' +
        ' selects failed (ff-base-sum-squares-d2-w16-s1, backprop-d2-w16-s1)\n')
return true
