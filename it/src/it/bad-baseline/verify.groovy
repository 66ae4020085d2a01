String log = new File(basedir, 'build.log').getText('UTF-8')
File baseline = new File(basedir, 'ff-baseline.json').canonicalFile
assert log =~ /on project bad-baseline: ff-maven-plugin: file \Q${baseline}\E is not valid JSON: .*; allowed: a baseline document written by ff-maven-plugin/
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran, nothing was written'
return true
