// A collapsed FF net used to "pass" at 10.02 % (ties broken toward label 0). Now its ties count as wrong,
// it is named degenerate everywhere its numbers appear, and no accuracy rule passes on it.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
def ff = results.cells.find { it.id == 'ff-base-sum-squares-d2-w64-s1' }
def bp = results.cells.find { it.id == 'backprop-d2-w64-s1' }
assert ff.status == 'passed' && bp.status == 'passed'
assert ff.result.testAccuracy == 0.0d : 'every prediction is a tie, and a tie is never right'
assert ff.result.evaluation.tieFraction == 1.0d
assert ff.result.evaluation.deadUnitFractions[0] == 1.0d
String reasons = 'every unit of layer 1 is dead (outputs 0 for every test image); 100.00 % of the test predictions' +
        ' are ties (counted as wrong); test accuracy 0.00 % is not above chance (11.27 %, the most frequent class\'s' +
        ' share of the test split)'
assert ff.result.evaluation.degenerate.join('; ') == reasons
// the case as reported trained 10 steps per epoch: every message about it says so
String capped = ' after training capped at 10 steps per epoch (maxStepsPerEpoch: its peaks are exact, its accuracy is' +
        ' not a trained net\'s)'
assert bp.result.evaluation.degenerate == [] : 'backprop learned'

assert log.contains("[ERROR]   [absolute] ff-base-sum-squares-d2-w64-s1: testAccuracy is 0.00 %; allowed: at least 5.00 %" +
        " (rules[1]); but ff-base-sum-squares-d2-w64-s1's predictions are degenerate (${reasons})${capped}: an accuracy from a net" +
        " that did not learn is no pass\n")
assert log =~ /\[WARNING\] cell 1\/2 ff-base-sum-squares-d2-w64-s1 done in .*; DEGENERATE predictions: every unit of layer 1 is dead/
assert log.contains("[WARNING] ff-base-sum-squares-d2-w64-s1: the test predictions are degenerate (${reasons})${capped}; its accuracy is not a measure of learning")
assert new File(out, 'summary.md').getText('UTF-8').contains('ff-base-sum-squares-d2-w64-s1: the test predictions are degenerate')
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
// the gates' warning, worded once: the JUnit XML says what the log says
assert junit.testcase.find { it.@name.text() == 'ff-base-sum-squares-d2-w64-s1' }.'system-out'.text()
        .startsWith("WARNING: ff-base-sum-squares-d2-w64-s1: the test predictions are degenerate (${reasons})${capped}; its" +
        " accuracy is not a measure of learning")
return true
