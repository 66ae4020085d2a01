// The project's own algorithms fail in their own ways; each failure names the user's code, the other
// cells still run, everything is written, and the build fails listing the failed cells. A model that
// keeps each batch in a Java array passes its cell but is marked "memory outside the ledger" in the log,
// the results, the summary, the report and on its memory gate, which cannot pass.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
File out = new File(basedir, 'target/ff-benchmark')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.cells*.id == ['escaping-d1-w16-s1', 'throwing-d1-w16-s1', 'own-workspace-d1-w16-s1',
        'heap-array-d1-w16-s1', 'backprop-d1-w16-s1']
assert results.cells*.status == ['failed', 'failed', 'failed', 'passed', 'passed']

def escaping = results.cells[0]
assert escaping.failure.startsWith('the run failed (exit code 1): algorithm escaping created an ND4J array outside the'
        + ' memory ledger, in com.acme.EscapingAlgorithm$1$1.start (EscapingAlgorithm.java:') : escaping.failure
assert escaping.failure.contains('and arrays that outlive a step (parameters, gradients, optimizer state) through'
        + ' PersistentMemory (ModelContext.memory())') : escaping.failure

def throwing = results.cells[1]
String testClasses = new File(basedir, 'target/test-classes').canonicalPath
assert throwing.failure == "the run failed (exit code 1): algorithm throwing (${testClasses}) failed:" +
        ' java.lang.IllegalStateException: negative goodness -1.5 in layer 1'
// the user's stack trace, top frames first, is in the log tail
int top = throwing.logTail.indexOf('java.lang.IllegalStateException: negative goodness -1.5 in layer 1')
assert top >= 0 : throwing.logTail
assert throwing.logTail[top + 1].startsWith('\tat com.acme.ThrowingAlgorithm$1$1.checkGoodness(ThrowingAlgorithm.java:')
assert throwing.logTail[top + 2].startsWith('\tat com.acme.ThrowingAlgorithm$1$1.step(ThrowingAlgorithm.java:')

def ownWorkspace = results.cells[2]
assert ownWorkspace.failure.startsWith("the run failed (exit code 1): algorithm own-workspace's model"
        + " com.acme.OwnWorkspaceAlgorithm\$1 opened ND4J workspace acme-cache in its step of phase 'all layers'") : ownWorkspace.failure

def heap = results.cells[3]
def outside = heap.result.memory.heapOutsideLedger
// one batch (50 images of 28x28 floats, and the array's 16-byte header) in each of the 2 steps
assert outside.objects == 2 && outside.bytes == 2 * 156816 && outside.largestBytes == 156816 && outside.largestType == 'float[]'
assert outside.largestSource.startsWith('com.acme.HeapArrayAlgorithm$1$1.step (line ') : outside.largestSource
String note = "memory outside the ledger: 2 Java objects of at least 16,384 B (313,632 B in all; the largest a float[] of 156,816 B from ${outside.largestSource})"
assert log.contains("cell 4/5 heap-array-d1-w16-s1 done in ") && log.contains(note) : log
assert results.cells[4].result.memory.heapOutsideLedger.objects == 0

// the memory gate on it fails although its ledger's peak is far under the bound
def gate = "[absolute] heap-array-d1-w16-s1: trainingPeakBytes is"
assert log =~ /\[ERROR\]   \[absolute\] heap-array-d1-w16-s1: trainingPeakBytes is [0-9,]+ B; allowed: at most 100,000,000 B \(rules\[1\]\); but heap-array-d1-w16-s1 keeps memory outside the ledger: 2 Java objects/
assert new File(out, 'summary.md').text.contains(' (memory outside the ledger) |')
assert new File(out, 'summary.md').text.contains('heap-array-d1-w16-s1: ' + note)
def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
assert junit.testcase.find { it.failure.size() > 0 && it.failure.@message.text().startsWith(gate) }.size() == 1
assert new File(out, 'report.html').getText('UTF-8').contains(note.replace('&', '&amp;'))

assert log =~ /on project user-code-failures: 3 of 5 cells failed \(logs in .*cells\)/
return true
