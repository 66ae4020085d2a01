String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("on project depth-zero: ff-maven-plugin: depths is '0'; allowed: a whole number >= 1\n")
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran'
return true
