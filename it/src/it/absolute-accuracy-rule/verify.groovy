import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(basedir, 'target/ff-benchmark/results.json'))
double accuracy = results.cells[0].result.testAccuracy
assert accuracy < 0.99
String value = String.format(Locale.ROOT, '%.2f %%', 100 * accuracy)

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project absolute-accuracy-rule: 1 gate violation \(1 gates: 0 passed, 1 failed, 0 skipped\):\R/
assert log.contains("[ERROR]   [absolute] ff-base-sum-squares-d2-w16-s1: testAccuracy is ${value}; allowed: at least 99.00 % (rules[1])\n")
assert log.contains('[ERROR] If the new numbers are intended, accept them as the new baseline with: mvn ff:baseline')
assert log.contains('MojoFailureException') : 'a failed gate is the user\'s problem, not a broken run'
assert new File(basedir, 'target/ff-benchmark/report.html').isFile()
return true
