// ff:check names a failed cell's log folder only where the logs are: beside the results it read
// (target/run/cells), not in its own output directory; for results without cells/ it names none
// and says where the log's last lines are kept instead.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
String run = new File(basedir, 'target/run').canonicalPath
String checked = new File(basedir, 'target/checked').canonicalPath
String rechecked = new File(basedir, 'target/rechecked').canonicalPath
// messages show paths relative to the project directory
String runShown = 'target/run', checkedShown = 'target/checked', recheckedShown = 'target/rechecked'
def results = new JsonSlurper().parse(new File(run, 'results.json'))
def cell = results.cells[0]
assert cell.status == 'failed' && cell.id == 'backprop-d1-w16-s1'
assert new File(run, "cells/${cell.id}.log").isFile()
assert !new File(checked, 'cells').exists() && !new File(rechecked, 'cells').exists() : 'a check writes no cells/'

def failure = { String goal, String header -> ~/\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:${goal} \(default-cli\) on project check-failed-cell-logs: \Q${header}\E\R\[ERROR\]   \Q${cell.id}: ${cell.failure}\E\R/ }
// 1 and 2: the run's own folder, named by the benchmark and by the check that reads its results
assert (log =~ failure('benchmark', "1 of 1 cells failed (logs in ${runShown}/cells):")).find()
assert (log =~ failure('check', "1 of 1 cells failed (logs in ${runShown}/cells):")).find()
assert !log.contains("logs in ${checkedShown}") : 'never the check\'s own output directory, which has no cells/'
// 3: no log beside those results: no folder claimed, the logTail named instead
assert (log =~ failure('check', '1 of 1 cells failed:')).find()
assert log.contains("[ERROR] Their log files are not beside the results (no ${checkedShown}/cells/<id>.log); the last 20 lines" +
        " of each failed cell's log are kept as logTail in ${recheckedShown}/results.json\n")
def rechecked_results = new JsonSlurper().parse(new File(rechecked, 'results.json'))
assert rechecked_results.cells[0].logTail == cell.logTail && !cell.logTail.isEmpty()
return true
