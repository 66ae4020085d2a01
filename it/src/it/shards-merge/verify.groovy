import groovy.json.JsonSlurper

def read = { String path -> new JsonSlurper().parse(new File(basedir, path)) }
def shard1 = read('target/shard-1/results.json')
def shard2 = read('target/shard-2/results.json')
def full = read('target/full/results.json')
def merged = read('target/merged/results.json')
def checked = read('target/checked/results.json')

assert shard1.shards == ['1/2'] && shard2.shards == ['2/2'] && full.shards == []
assert shard1.matrixCells == 4 && shard2.matrixCells == 4
assert shard1.cells*.index == [0, 2] && shard2.cells*.index == [1, 3] : 'round robin over the matrix order'
assert (shard1.cells*.id + shard2.cells*.id).toSet() == full.cells*.id.toSet()

// what a cell measured, without wall-clock figures (times, samples/s, process RSS vary by run)
def measured = { cell -> [cell.index, cell.id, cell.spec, cell.status, cell.result.trainAccuracy, cell.result.testAccuracy,
        cell.result.losses, cell.result.memory.trainingPeak, cell.result.memory.evaluationPeak, cell.result.memory.trainingPhases] }
assert merged.cells.collect(measured) == full.cells.collect(measured)
assert checked.cells.collect(measured) == full.cells.collect(measured)
assert merged.shards == [] : 'all shards present'
assert new File(basedir, 'target/merged/report.html').getText('UTF-8').contains('4 cells of a 4-cell matrix')

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('merged 2 results files: 4 of 4 cells')
assert log.contains('4 of 4 cells passed; 4 gates: 4 passed, 0 failed, 0 skipped')
return true
