String log = new File(basedir, 'build.log').getText('UTF-8')
// the file is named relative to the project directory
assert log =~ /on project bad-baseline: ff-maven-plugin: file ff-baseline\.json is not valid JSON: .*; allowed: a baseline document written by ff-maven-plugin/
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran, nothing was written'
return true
