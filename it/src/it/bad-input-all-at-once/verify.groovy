String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('on project bad-input-all-at-once: ff-maven-plugin: 4 problems:\n')
assert log.contains('  rules[1] has minimum 0.9 above maximum 0.5; allowed: minimum <= maximum\n')
assert log.contains("  shard is '3/2'; allowed: i/n with whole numbers 1 <= i <= n, e.g. 2/4 for the second of four parts\n")
assert log.contains("  epochs is '0'; allowed: a whole number >= 1\n")
// epochs fell back to its default for the check below; the batch check still names the dataset
assert log.contains('  batchSize is 50; allowed: at most the 40 training images of dataset synthetic:7:40:20 (dataset)')
assert !new File(basedir, 'target/ff-benchmark').exists() : 'no cell ran, nothing was written'
return true
