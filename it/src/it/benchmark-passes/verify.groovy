// A passing matrix: every output exists, results.json follows schema 1 with real measured cells.
import groovy.json.JsonSlurper

File out = new File(basedir, 'target/ff-benchmark')
String log = new File(basedir, 'build.log').getText('UTF-8')

def results = new JsonSlurper().parse(new File(out, 'results.json'))
assert results.schemaVersion == 3
assert results.kind == 'results'
assert results.matrixCells == 4
assert results.shards == []
assert results.fingerprint.nd4jVersion == '1.0.0-M2.1'
assert results.fingerprint.threads == 2 : 'the default threads'
assert results.cells*.id == ['ff-base-symba-d2-w16-s1', 'ff-base-symba-d3-w16-s1', 'backprop-d2-w16-s1', 'backprop-d3-w16-s1']
results.cells.eachWithIndex { cell, i ->
    assert cell.index == i
    assert cell.status == 'passed'
    assert cell.spec.dataset == 'synthetic:7:400:100'
    assert cell.spec.width == 16 && cell.spec.batchSize == 50 && cell.spec.maxStepsPerEpoch == 0 && cell.spec.epochs == 3
    assert cell.result.schemaVersion == 2
    assert !cell.result.containsKey('spec') : 'schema 3 stores each cell\'s spec once, beside its result'
    assert cell.result.memory.trainingPeak.parameters > 0
    assert cell.result.testAccuracy >= 0 && cell.result.testAccuracy <= 1
    assert cell.wallSeconds > 0
    assert new File(out, "cells/${cell.id}.json").isFile() : "cell file of ${cell.id}"
    assert new File(out, "cells/${cell.id}.log").isFile() : "cell log of ${cell.id}"
}
// one more layer of width 16: backprop keeps more, FF Base only adds the layer's weights
long ff2 = results.cells[0].result.memory.trainingPeak.with { parameters + gradients + optimizerState + transientBytes }
long ff3 = results.cells[1].result.memory.trainingPeak.with { parameters + gradients + optimizerState + transientBytes }
assert ff3 > ff2

String summary = new File(out, 'summary.md').getText('UTF-8')
assert summary.contains('4 cells of a 4-cell matrix: 4 passed, 0 failed.')
assert summary.contains('**PASSED**: 8 gates: 8 passed, 0 failed, 0 skipped.')
assert summary.contains('| ff-base-symba-d2-w16-s1 | passed |')

def junit = new groovy.xml.XmlSlurper().parse(new File(out, 'TEST-ff-benchmark.xml'))
assert junit.@tests.text() == '12' : '4 cells + 4 + 2 absolute gates + 2 ratio gates'
assert junit.@failures.text() == '0' && junit.@errors.text() == '0'
assert junit.testcase.findAll { it.@classname.text() == 'ff.gates.ratio' }*.@name*.text() == [
        'ff-base-symba-d2-w16-s1 vs backprop-d2-w16-s1: trainingPeakBytes',
        'ff-base-symba-d3-w16-s1 vs backprop-d3-w16-s1: trainingPeakBytes']

String report = new File(out, 'report.html').getText('UTF-8')
assert report.startsWith('<!DOCTYPE html>')
assert report.contains('backprop-d3-w16-s1')
assert !report.contains('<script') && !report.contains('http://') && !report.contains('https://') : 'self-contained'

assert log =~ /(?m)cell 1\/4 ff-base-symba-d2-w16-s1: ff-base, depth 2, width 16, symba, synthetic:7:400:100, 3 epochs, batch 50, seed 1$/
assert log =~ /(?m)\[INFO\] cell 3\/4 backprop-d2-w16-s1 done in [0-9.]+ s: test accuracy [0-9.]+ %, training peak [0-9,]+ B, evaluation peak [0-9,]+ B, [0-9,]+ samples\/s; ETA [0-9]+:[0-9]{2}$/
// backprop learned in 3 epochs (the rule on its accuracy judges it); FF Base at width 16 did not, and says so
assert results.cells[2..3].every { it.result.evaluation.degenerate == [] }
results.cells[0..1].findAll { it.result.evaluation.degenerate }.each { assert log.contains("[WARNING] ${it.id}: the test predictions are degenerate (") }
assert log.contains('[WARNING] no baseline file at ')
assert log.contains('4 of 4 cells passed; 8 gates: 8 passed, 0 failed, 0 skipped')
assert log.contains('BUILD SUCCESS')
return true
