String log = new File(basedir, 'build.log').getText('UTF-8')
// paths in messages are relative to the project directory
String baseline = 'ff-baseline.json'
assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project no-baseline-required: 1 gate violation \(1 gate: 0 passed, 1 failed, 0 skipped\):\R/
assert log.contains("[ERROR]   [baseline] no baseline file at ${baseline}; failIfNoBaseline requires one: record it with mvn ff:baseline\n")
assert new File(basedir, 'target/ff-benchmark/results.json').isFile() : 'the cell ran and was written first'
assert new File(basedir, 'target/ff-benchmark/summary.md').readLines()[2] ==
        '# FF Bench results: no baseline was used (no baseline file at ff-baseline.json)'
assert !new File(basedir, 'target/ff-benchmark/report.html').getText('UTF-8').contains(basedir.absolutePath) :
        'the report shows no absolute path'
return true
