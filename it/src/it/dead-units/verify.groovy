// A net that lost two thirds of a layer's units used to pass unremarked. Its accuracy is still the net's
// real one (no veto), but every place that shows it names the layer and the share.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
def ff = results.cells.find { it.id == 'ff-base-sum-squares-d2-w64-s1' }
assert ff.status == 'passed'
double dead = ff.result.evaluation.deadUnitFractions[0]
assert dead > 0.5d && dead < 1.0d : "layer 1 lost more than the bound (50 %) but not every unit: ${dead}"
assert ff.result.evaluation.degenerate == [] : 'the net learned: its predictions are not degenerate'
assert ff.result.testAccuracy > 0.5d
String layer = String.format(Locale.ROOT, 'layer 1: %.2f %% of its units never fired', 100 * dead)

assert log =~ /\[WARNING\] cell 1\/1 ff-base-sum-squares-d2-w64-s1 done in .*; DEAD UNITS: ${java.util.regex.Pattern.quote(layer)}/
assert log.contains("[WARNING] ff-base-sum-squares-d2-w64-s1: dead units on the test split (${layer}; the bound is 50 % of" +
        " a layer): its accuracy is that of a net that lost those units (dying ReLUs)")
assert log.contains('BUILD SUCCESS') : 'not a veto: the rule judges the real accuracy'
String summary = new File(out, 'summary.md').getText('UTF-8')
assert summary.contains("ff-base-sum-squares-d2-w64-s1: dead units on the test split (${layer}")
assert summary =~ /\| ff-base-sum-squares-d2-w64-s1 \| passed \| [0-9.]+ % \(dead units\) \|/
assert new File(out, 'report.html').getText('UTF-8').contains("dead units: ${layer}")
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
// the gates' warning, worded once: the JUnit XML says what the log says
assert junit.testcase.find { it.@name.text() == 'ff-base-sum-squares-d2-w64-s1' }.'system-out'.text() ==
        "WARNING: ff-base-sum-squares-d2-w64-s1: dead units on the test split (${layer}; the bound is 50 % of a layer):" +
        " its accuracy is that of a net that lost those units (dying ReLUs)"
def gate = junit.testcase.find { it.@classname.text() == 'ff.gates.absolute' }
assert gate.failure.size() == 0 : 'the accuracy rule passed'
// the passed gate's detail, as the report lists it, carries the note
assert new File(out, 'report.html').getText('UTF-8').contains("note: ff-base-sum-squares-d2-w64-s1 has dead units (${layer}; bound 50 %)")
return true
