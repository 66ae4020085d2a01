// Post-build check for the help-goal IT: the invoked build ran ff:help, which listed its own goal.
File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"

String log = buildLog.getText('UTF-8')

// Maven 3.9 names the mojo by prefix (ff:...), Maven 3.8 by artifactId (ff-maven-plugin:...).
assert log =~ /(?m)^\[INFO\] --- (ff|ff-maven-plugin):[^:\s]+:help \(default-cli\) @ help-goal ---$/ :
        'the help goal did not run'
assert log.contains('This plugin has 1 goal:') : 'help output does not list the goals'
assert log =~ /(?m)^ff:help$/ : 'help output does not name the goal ff:help'
assert log.contains('Call mvn ff:help -Ddetail=true -Dgoal=<goal-name>') : 'help output lacks the usage hint'
assert log.contains('BUILD SUCCESS') : 'the invoked build did not succeed'

return true
