String log = new File(basedir, 'build.log').getText('UTF-8')
String classes = new File(basedir, 'target/classes').canonicalPath
assert log.contains("on project user-code-duplicate-name: ff-maven-plugin: goodness function 'sum-squares' is provided"
        + " twice: by dev.ffbench.goodness.SumOfSquares (built in) and by com.acme.MySumOfSquares (${classes}); allowed:"
        + " one provider per name (rename one, or drop one jar from the class path)\n")
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran'
return true
