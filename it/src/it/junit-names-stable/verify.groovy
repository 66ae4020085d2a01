// JUnit test names are kind, cell and metric only: two runs judged against one baseline with another
// seed-noise allowance and accuracy bound have the same test cases (CI history follows them), and the
// bound, which used to be part of the name, is in the message instead.
def junit = { String directory -> new groovy.xml.XmlSlurper().parse(new File(basedir, "target/${directory}/TEST-ff-benchmark.xml")) }
def first = junit('first')
def second = junit('second')
def names = { suite -> suite.testcase.collect { it.@classname.text() + ' / ' + it.@name.text() } }

assert names(first).size() == names(first).toSet().size() : 'each name once'
assert names(first).toSet() == names(second).toSet()
assert names(first).toSet() == [
        'ff.cells / backprop-d2-w16-s1', 'ff.cells / backprop-d2-w16-s2',
        'ff.gates.baseline / backprop-d2-w16-s1: trainingPeakBytes', 'ff.gates.baseline / backprop-d2-w16-s1: evaluationPeakBytes',
        'ff.gates.baseline / backprop-d2-w16-s2: trainingPeakBytes', 'ff.gates.baseline / backprop-d2-w16-s2: evaluationPeakBytes',
        'ff.gates.baseline / backprop-d2-w16: testAccuracy'].toSet()

// the accuracy gate judged both times (not skipped), and its message carries the bound that differs
def accuracy = { suite -> suite.testcase.find { it.@name.text() == 'backprop-d2-w16: testAccuracy' } }
assert accuracy(first).skipped.size() == 0 && accuracy(second).skipped.size() == 0
String one = accuracy(first).'system-out'.text()
String two = accuracy(second).'system-out'.text()
assert one.contains('allowed: a drop of at most') && one.contains('(1.00 + ') : one
assert two.contains('allowed: a drop of at most') && two.contains('(2.00 + ') : two
assert one != two

// the suite names what it was judged against
def property = { suite, String name -> suite.properties.property.find { it.@name.text() == name }.@value.text() }
assert property(first, 'ff.baseline') == 'ff-baseline.json' && property(second, 'ff.baseline') == 'ff-baseline.json'
assert property(first, 'ff.environment.threads') == '2'
assert property(first, 'ff.verdict') == 'passed'
return true
