// Post-build check for the help-goal IT: ff:help -Ddetail lists every goal and documents every
// parameter with its ff.* user property.
File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"

String log = buildLog.getText('UTF-8')

// Maven 3.9 names the mojo by prefix (ff:...), Maven 3.8 by artifactId (ff-maven-plugin:...).
assert log =~ /(?m)^\[INFO\] --- (ff|ff-maven-plugin):[^:\s]+:help \(default-cli\) @ help-goal ---$/ :
        'the help goal did not run'
assert log.contains('This plugin has 9 goals:') : 'help output does not list the goals'
['baseline', 'benchmark', 'benchmark-no-fork', 'check', 'help', 'history', 'list', 'report', 'site-report'].each { goal ->
    assert log =~ /(?m)^ff:${goal}$/ : "help output does not name the goal ff:${goal}"
}

// every parameter of ff:benchmark is documented with its user property
String benchmark = log.substring(log.indexOf('\nff:benchmark\n'), log.indexOf('\nff:benchmark-no-fork'))
['accuracyNoiseSigmas', 'algorithms', 'baseline', 'baselineRef', 'batchSize', 'cellTimeout', 'dataset', 'depths', 'epochs',
 'excludes', 'extraCells', 'failIfNoBaseline', 'failOnViolation', 'goodness', 'historyDirectory', 'includes', 'java', 'jvmArgs', 'learningRate',
 'maxAccuracyDropPoints', 'maxMemoryGrowthPercent', 'maxSpeedDropPercent', 'maxStepsPerEpoch', 'outputDirectory',
 'parallelCells', 'ratios', 'resume', 'rules', 'schedule', 'seeds', 'settings', 'shard', 'skip', 'threads', 'widths'].each { p ->
    assert benchmark =~ /(?m)^    ${p}( \(Default: [^)]*\))?$/ : "ff:benchmark does not document ${p}"
    assert benchmark.contains("User property: ff.${p}\n") : "${p} has no ff.${p} user property"
}
assert log.contains('User property: ff.results') : 'ff:check, ff:report, ff:baseline and ff:history read ff.results'
String check = log.substring(log.indexOf('\nff:check'), log.indexOf('\nff:help'))
assert check =~ /(?m)^    allowIncompleteMatrix \(Default: false\)$/ : 'ff:check documents allowIncompleteMatrix'
assert check.contains('User property: ff.allowIncompleteMatrix\n')
String history = log.substring(log.indexOf('\nff:history'), log.indexOf('\nff:list'))
['historyDirectory', 'outputDirectory', 'results', 'skip'].each { p ->
    assert history.contains("User property: ff.${p}\n") : "ff:history does not document ${p}"
}
String list = log.substring(log.indexOf('\nff:list'), log.indexOf('\nff:report'))
['classpathScope', 'java', 'jvmArgs', 'skip'].each { p ->
    assert list.contains("User property: ff.${p}\n") : "ff:list does not document ${p}"
}
assert log.contains('BUILD SUCCESS') : 'the invoked build did not succeed'

return true
