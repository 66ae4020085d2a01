import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
double accuracy = results.cells[0].result.testAccuracy
assert accuracy < 0.99
String value = String.format(Locale.ROOT, '%.2f %%', 100 * accuracy)

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project absolute-accuracy-rule: 1 gate violation \(1 gate: 0 passed, 1 failed, 0 skipped\):\R/
// the cell trained 2 steps per epoch of 8: the violation says its accuracy is a capped run's
assert log.contains("[ERROR]   [absolute] ff-base-symba-d2-w16-s1: testAccuracy is ${value}; allowed: at least 99.00 % (rules[1])"
        + "; note: ff-base-symba-d2-w16-s1's training was capped at 2 steps per epoch (maxStepsPerEpoch), so its"
        + " accuracy is not a trained net's: set maxStepsPerEpoch=0 for the cells an accuracy rule judges\n")
// a new baseline cannot fix an absolute rule: the message says what can, and does not advise ff:baseline
assert log.contains("[ERROR] An [absolute] rule has its own bound, not the baseline, so mvn ff:baseline does not change it:" +
        " fix the regression, or, if the new numbers are intended, change that rule's minimum or maximum in <rules> of the" +
        " plugin's configuration in the POM (or in -Dff.rules)\n")
assert !log.contains('accept them as the new baseline')
assert log.contains('MojoFailureException') : 'a failed gate is the user\'s problem, not a broken run'
assert new File(basedir, 'target/ff-benchmark/report.html').isFile()
return true
