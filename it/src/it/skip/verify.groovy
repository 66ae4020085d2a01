String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] ff: skipped (ff.skip=true)')
assert !log.contains('FF Bench:') && !log.contains('cell 1/')
assert !new File(basedir, 'target/ff-benchmark').exists()
assert log.contains('BUILD SUCCESS')
return true
