// Bound in <executions>, benchmark-no-fork runs in the build that compiled the project: compile and
// testCompile appear once in the log (ff:benchmark would fork the lifecycle and run them again).
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()

def compile = lines.findAll { it =~ /--- (maven-)?compiler(-plugin)?:[^:]+:compile \(default-compile\)/ }
def testCompile = lines.findAll { it =~ /--- (maven-)?compiler(-plugin)?:[^:]+:testCompile \(default-testCompile\)/ }
def benchmark = lines.findAll { it =~ /--- (ff-maven-plugin|ff):[^:]+:benchmark-no-fork \(benchmark\)/ }
assert compile.size() == 1 : compile.join('\n')
assert testCompile.size() == 1 : testCompile.join('\n')
assert benchmark.size() == 1 : benchmark.join('\n')
assert !log.contains('>>> ') && !log.contains('<<< ') : 'no forked lifecycle'
assert lines.indexOf(testCompile[0]) < lines.indexOf(benchmark[0]) : 'verify comes after test-compile'

assert new File(basedir, 'target/classes/com/example/Placeholder.class').isFile()
assert new File(basedir, 'target/ff-benchmark/results.json').isFile()
assert log.contains('1 of 1 cells passed')
assert log.contains('BUILD SUCCESS')
return true
