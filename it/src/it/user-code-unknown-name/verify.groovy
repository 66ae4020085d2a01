String log = new File(basedir, 'build.log').getText('UTF-8')
String classes = new File(basedir, 'target/classes').canonicalPath
assert log.contains("on project user-code-unknown-name: ff-maven-plugin: goodness: 'my-goodnes' is not a goodness"
        + " function; allowed: sum-squares (built in), mean-squares (built in), neg-sum-squares (built in), symba"
        + " (built in), my-goodness (${classes})\n")
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran'
return true
