// The project's own algorithms fail in their own ways; each failure names the user's code, the other
// cells still run, everything is written, and the build fails listing the failed cells.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.cells*.id == ['escaping-d1-w16-s1', 'throwing-d1-w16-s1', 'backprop-d1-w16-s1']
assert results.cells*.status == ['failed', 'failed', 'passed']

def escaping = results.cells[0]
assert escaping.failure.startsWith('the run failed (exit code 1): algorithm escaping created an ND4J array outside the'
        + ' memory ledger, in com.acme.EscapingAlgorithm$1.train (EscapingAlgorithm.java:')
assert escaping.failure.contains('allowed: arrays that live through a step inside TransientMemory.step()')

def throwing = results.cells[1]
String testClasses = new File(basedir, 'target/test-classes').canonicalPath
assert throwing.failure == "the run failed (exit code 1): algorithm throwing (${testClasses}) failed:" +
        ' java.lang.IllegalStateException: negative goodness -1.5 in layer 1'
// the user's stack trace, top frames first, is in the log tail
int top = throwing.logTail.indexOf('java.lang.IllegalStateException: negative goodness -1.5 in layer 1')
assert top >= 0 : throwing.logTail
assert throwing.logTail[top + 1].startsWith('\tat com.acme.ThrowingAlgorithm$1.checkGoodness(ThrowingAlgorithm.java:')
assert throwing.logTail[top + 2].startsWith('\tat com.acme.ThrowingAlgorithm$1.train(ThrowingAlgorithm.java:')

assert log =~ /on project user-code-failures: 2 of 3 cells failed \(logs in .*cells\):/
assert new File(out, 'report.html').isFile() && new File(out, 'summary.md').isFile()
return true
