// Issue 13, kind 4: -Dff.maxSpeedDropPercent=200 passed a 99.86 % speed drop, and <batchSize>0</batchSize>
// also reported a bogus "batchSize is 256". Each value the user wrote is reported once, as written, with
// what is allowed, before any cell runs.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project vacuous-values: ff-maven-plugin: 4 problems:\R/
assert log.contains("[ERROR]   rules[1].minimum is '0', which never fails: testAccuracy is never below 0; allowed: a minimum above 0, up to 1\n")
assert log.contains("[ERROR]   maxSpeedDropPercent is '200'; allowed: a number >= 0 and below 100 (samples/s cannot drop by 100 % or more, so a bound of 100 or more never fails)\n")
assert log.contains("[ERROR]   depths lists 1 twice; allowed: each value once\n")
assert log.contains("[ERROR]   batchSize is '0'; allowed: a whole number >= 1\n")
assert !log.contains('batchSize is 256') : 'no default nobody set'
assert !log.contains('FF Bench: ') : 'no cell ran'
assert !new File(basedir, 'target/ff-benchmark').exists() : 'nothing was written'
return true
