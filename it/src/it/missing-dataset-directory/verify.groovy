String log = new File(basedir, 'build.log').getText('UTF-8')
String directory = new File(basedir, 'data/no-such-idx-directory').toPath().toAbsolutePath().normalize()
assert log.contains("on project missing-dataset-directory: ff-maven-plugin: dataset is 'data/no-such-idx-directory': directory ${directory} does not exist; allowed: mnist-sample, synthetic[:SEED:TRAIN:TEST][;classes=K], idx:DIRECTORY[;classes=K][;firstLabel=N][;prefix=P], csv:DIRECTORY[;side=S][;classes=K][;firstLabel=N][;prefix=P], cifar10:DIRECTORY, or a directory of IDX files (sources: mnist-sample (built in), synthetic (built in), idx (built in), csv (built in), cifar10 (built in))\n")
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran'
return true
