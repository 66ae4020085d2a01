// The committed ff-baseline.json: its ff-base cell was measured on other data (a made-up content hash), its
// backprop cell records no dataset fingerprint (as baselines written before results recorded one).
import groovy.json.JsonSlurper

File out = new File(basedir, 'target/ff-benchmark')
String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
String hash = results.cells[0].result.dataset.fingerprint.contentHash
assert hash ==~ /sha256:[0-9a-f]{64}/
assert hash == results.cells[1].result.dataset.fingerprint.contentHash : 'both cells ran on the same data'

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project baseline-other-data: 1 gate violation \(5 gates: 3 passed, 1 failed, 1 skipped\):\R/
String refused = "[ERROR]   [baseline] ff-base-sum-squares-d2-w16-s1: measured on other data than its baseline cell" +
        " (dataset 'synthetic:7:400:100' ${hash.substring(0, 19)} (generated, no files) now, 'synthetic:7:400:100'" +
        " sha256:000000000000 (generated, no files) in the baseline), so its memory and accuracy are not compared;" +
        " allowed: a baseline of the same data"
assert log.contains(refused) : "expected:\n${refused}\nin:\n${log}"
assert log.contains('[WARNING] 1 baseline cell records no dataset fingerprint (recorded by an earlier ff-maven-plugin):' +
        ' whether the baseline was measured on the same data cannot be checked; re-record it with mvn ff:baseline')

def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
assert junit.@failures.text() == '1'
assert new File(out, 'summary.md').text.contains('1 baseline cell records no dataset fingerprint')
// the comparison agrees with the gates: the refused cell shows no delta and is not called a regression
String summary = new File(out, 'summary.md').text
assert summary.contains('| **other data** | ff-base-sum-squares-d2-w16-s1 | measured on other data than its baseline cell') : summary
assert summary.readLines()[0].contains('0 regressions, 1 improvement, 0 unchanged, 0 new, 0 missing, 1 on other data (not compared)') : summary
String row = summary.readLines().find { it.contains('| ff-base-sum-squares-d2-w16-s1 |') && it.contains('other data') }
assert !summary.contains('| **regression** |') && !row.contains('pts') && !row.contains(' B ') : row
return true
