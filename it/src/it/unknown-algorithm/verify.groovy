String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("on project unknown-algorithm: ff-maven-plugin: algorithms: 'ff-bogus' is not an algorithm; allowed: ff-base (built in), ff-recurrent (built in), backprop (built in), backprop-checkpointed (built in), backprop-layerwise-update (built in)\n")
assert log.contains("(each parameter is set as <name> in the plugin's <configuration> or as -Dff.<name>; mvn ff:help -Ddetail documents them)")
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran'
return true
