// Three runs appended to ff-history, one file each, named by date and commit so that they sort by time; the
// report draws three points per gated metric of the cell, and stays one file with no script and no network.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def head = new ProcessBuilder(['git', 'rev-parse', 'HEAD']).directory(basedir).redirectErrorStream(true).start()
String headOut = head.inputStream.getText('UTF-8').trim()
String commit = head.waitFor() == 0 ? headOut.substring(0, 7) : 'nocommit'

File history = new File(basedir, 'ff-history')
List<String> files = history.list().findAll { it.endsWith('.json') }.sort()
assert files.size() == 3 : files
files.each { assert it ==~ /\d{8}T\d{6}Z-${commit}\.json/ : it }
def runs = files.collect { new JsonSlurper().parse(new File(history, it)) }
assert runs*.kind == ['history'] * 3
assert runs*.generatedAt == runs*.generatedAt.sort() && runs*.generatedAt.toSet().size() == 3 : 'three runs in time order'
files.eachWithIndex { name, i ->
    assert name.startsWith(runs[i].generatedAt.replaceAll(/[-:]/, '')) : 'the name is the run date'
}
runs.each { run ->
    assert run.cells*.id == ['backprop-d1-w16-s1']
    assert run.cells[0].group == 'backprop-d1-w16' && run.cells[0].seed == 1 && run.cells[0].status == 'passed'
    assert run.cells[0].metrics.keySet() == ['trainingPeakBytes', 'evaluationPeakBytes', 'testAccuracy', 'trainAccuracy', 'samplesPerSecond'] as Set
    assert run.fingerprint.javaVersion == System.getProperty('java.version')
    assert commit == 'nocommit' ? run.commit == null : run.commit == headOut
}
assert runs*.cells*.metrics*.trainingPeakBytes.flatten().toSet().size() == 1 : 'memory is exact: the same bytes every run'
assert log.contains("; ff-history holds 3 runs\n")
assert log.contains("[INFO] history: the results of ${runs[2].generatedAt} (${commit == 'nocommit' ? 'no commit' : commit}) are"
        + " already recorded as ff-history/${files[2]}; nothing appended\n")

// the report of the third ff:benchmark (before its run was recorded): two recorded runs, then this run
String third = new File(basedir, 'target/ff-benchmark/report.html').getText('UTF-8')
assert third.contains('2 recorded runs in ff-history, then this run (not recorded yet; mvn ff:history records it).')
// ff:report on the recorded results: the three runs, three points per chart
String html = new File(basedir, 'target/report/report.html').getText('UTF-8')
String section = html.substring(html.indexOf('<section id="history">'), html.indexOf('</section>', html.indexOf('<section id="history">')))
assert section.contains('3 recorded runs in ff-history.')
def charts = section.split('<svg ').drop(1)
assert charts.size() == 3 : 'training peak, evaluation peak, test accuracy'
charts.each { chart -> assert chart.count('<g class="point"') == 3 : chart }
assert !html.contains('<script') && !html.contains('http://') && !html.contains('https://') : 'offline: no script, no network'
return true
