package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.BaselineComparison.Change;
import dev.ffbench.gate.BaselineComparison.Row;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    static ResultsDocument baseline() {
        return ComparisonFixture.baseline();
    }

    static ResultsDocument results() {
        return ComparisonFixture.results();
    }

    static BaselineComparison comparison() {
        return BaselineComparison.of(BaselineTolerance.DEFAULTS, results(), baseline(), "ff-baseline.json");
    }

    @Test
    void rowsComeRegressionsFirstThenFailedWithinToleranceImprovementsNewAndUnchanged() {
        List<Row> rows = comparison().rows();
        assertEquals(List.of("backprop-d2-w16-s1", "ff-base-sum-squares-d8-w16-s1", "ff-base-sum-squares-d2-w16-s1",
                "ff-base-sum-squares-d2-w16-s2", "ff-base-sum-squares-d2-w16-s3", "ff-base-sum-squares-d4-w16-s1",
                "backprop-d8-w16-s1", "backprop-d4-w16-s1"), rows.stream().map(Row::cell).toList());
        assertEquals(List.of(Change.REGRESSION, Change.FAILED, Change.WITHIN_TOLERANCE, Change.WITHIN_TOLERANCE,
                Change.WITHIN_TOLERANCE, Change.IMPROVEMENT, Change.NEW, Change.UNCHANGED),
                rows.stream().map(Row::change).toList());
        assertEquals("8 cells: 1 regression, 1 failed, 3 within tolerance, 1 improvement, 1 new, 1 unchanged",
                comparison().tally());
    }

    @Test
    void aCellComparedWithABaselineCellOfAnotherSpecSaysHowInItsRowAndTheTally() {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(java.util.Map.of("algorithm", "backprop",
                "depth", "2", "width", "16", "seed", "1", "dataset", "synthetic:7:400:100", "batchSize", "256"));
        fields.put("epochs", "1");
        ResultsDocument shortRun = TestCells.results(List.of(passed(0, "backprop-d2-w16-s1",
                dev.ffbench.experiment.SpecResolver.engine().resolve(fields), 1_000_000, 300_000, 0.60)));
        ResultsDocument baseline = TestCells.results(List.of(passed(0, "backprop-d2-w16-s1", spec("backprop", 2, 16, 1),
                1_000_000, 300_000, 0.85)));

        BaselineComparison comparison = BaselineComparison.of(BaselineTolerance.DEFAULTS, shortRun, baseline, "b.json");

        Row row = comparison.rows().get(0);
        assertEquals(Change.REGRESSION, row.change(), "the gate judges what it is given");
        assertEquals("the baseline cell's spec differs (epochs 10 -> 1)", row.note());
        assertTrue(BaselineComparison.specDiffers(row));
        assertEquals("1 cell: 1 regression; 1 of them against a baseline cell of another spec", comparison.tally());
        assertTrue(comparison().rows().stream().noneMatch(BaselineComparison::specDiffers), "same specs: no note");
    }

    @Test
    void memoryDeltasAreExactInBytesAndPerCent() {
        Row regression = comparison().rows().get(0);
        assertEquals(100_000L, regression.training().bytes());
        assertEquals(10.0, regression.training().percent(), 1e-12);
        assertEquals("1,100,000 B", regression.training().nowText());
        assertEquals("+100,000 B (+10.00 %)", regression.training().deltaText());
        assertEquals("0 B (0.00 %)", regression.evaluation().deltaText());
        assertEquals(Set.of(Metric.TRAINING_PEAK_BYTES), regression.regressed(), "only the training peak's gate fails");

        Row improvement = comparison().rows(Change.IMPROVEMENT).get(0);
        assertEquals(-100_000L, improvement.training().bytes());
        assertEquals("-100,000 B (-10.00 %)", improvement.training().deltaText());
        assertEquals(Set.of(), improvement.regressed());
    }

    @Test
    void accuracyIsTheGroupsMeanChangeWithTheGatesSeedNoiseAllowance() {
        Row dropped = comparison().rows(Change.WITHIN_TOLERANCE).get(0);
        AccuracyChange change = dropped.accuracy().change();
        assertEquals(1.6667, change.dropPoints(), 1e-4);
        assertEquals(2.9059, change.noisePoints(), 1e-4);
        assertEquals(3.9059, change.allowedDropPoints(), 1e-4);
        assertEquals("85.00 %", dropped.accuracy().nowText());
        assertEquals("mean -1.67 pts over seeds 1, 2, 3; allowed: a drop of at most 3.91 points (1.00 + 2.91 for seed"
                + " noise)", dropped.accuracy().deltaText());
        // the same allowance the baseline gate applies: it passes
        GateReport gates = GateEvaluator.evaluate(new GateParameters(null, null, null, null, null, null, false).parse(TestCells.NAMES),
                results(), baseline(), "ff-baseline.json");
        GateOutcome gate = gates.outcomes().stream().filter(o -> o.metric() == Metric.TEST_ACCURACY
                && o.cell().startsWith("ff-base-sum-squares-d2-w16")).findFirst().orElseThrow();
        assertEquals(GateOutcome.Status.PASSED, gate.status());
        assertEquals("a drop of at most 3.91 points (1.00 + 2.91 for seed noise)", gate.bound());

        Row single = comparison().rows(Change.UNCHANGED).get(0);
        assertEquals("+0.00 pts; allowed: a drop of at most 1.00 points", single.accuracy().deltaText());
        assertEquals("+0.00 % (informational)", single.speed().deltaText(), "samples/s is informational");
    }

    @Test
    void newAndFailedCellsSayWhyAndBaselineCellsMissingFromTheResultsAreNamed() {
        BaselineComparison comparison = comparison();
        Row added = comparison.rows(Change.NEW).get(0);
        assertEquals("3,000,000 B", added.training().nowText());
        assertEquals("", added.training().deltaText());
        assertEquals("no baseline cell with this id: record it with mvn ff:baseline", added.note());
        Row failed = comparison.rows(Change.FAILED).get(0);
        assertNull(failed.training());
        assertEquals("timed out after 1 s", failed.note());
        assertEquals(List.of(), comparison.notInResults());

        ResultsDocument fewer = TestCells.results(results().cells().subList(0, 2));
        assertEquals(List.of("ff-base-sum-squares-d2-w16-s1", "ff-base-sum-squares-d2-w16-s2",
                "ff-base-sum-squares-d2-w16-s3", "backprop-d2-w16-s1"),
                BaselineComparison.of(BaselineTolerance.DEFAULTS, fewer, baseline(), "b").notInResults());
    }

    @Test
    void aToleratedMemoryGrowthIsWithinToleranceAndAGatedSpeedDropIsARegression() {
        BaselineComparison tolerant = BaselineComparison.of(new BaselineTolerance(10.0, 1.0, 2.0, null), results(),
                baseline(), "b");
        Row grown = tolerant.rows().stream().filter(r -> r.cell().equals("backprop-d2-w16-s1")).findFirst().orElseThrow();
        assertEquals(Change.WITHIN_TOLERANCE, grown.change(), "+10.00 % is not above the 10 % allowed");

        ResultsDocument slow = TestCells.results(List.of(new CellRecord(1, "backprop-d4-w16-s1", spec("backprop", 4, 16, 1),
                CellRecord.PASSED, new dev.ffbench.experiment.ExperimentResult(1, spec("backprop", 4, 16, 1), TestCells.DATA, 0.9, 0.9,
                        List.of(), baseline().cells().get(1).result().memory(), 2.0, 0.5, 500, List.of(), null, TestCells.LEARNED,
                        TestCells.ENVIRONMENT, null, null),
                null, null, 3.0)));
        Row informational = BaselineComparison.of(BaselineTolerance.DEFAULTS, slow, baseline(), "b").rows().get(0);
        assertEquals(Change.UNCHANGED, informational.change(), "speed alone changes nothing unless gated");
        assertEquals("-50.00 % (informational)", informational.speed().deltaText());
        Row gated = BaselineComparison.of(new BaselineTolerance(0, 1, 2, 20.0), slow, baseline(), "b").rows().get(0);
        assertEquals(Change.REGRESSION, gated.change());
        assertTrue(gated.regressed().contains(Metric.SAMPLES_PER_SECOND));
        assertEquals("-50.00 % (gated: the group's mean may drop at most 20.00 %)", gated.speed().deltaText());
    }

    @org.junit.jupiter.api.Test
    void aTallyCountsItsNounsInThePlural() {
        assertEquals("1 regression", BaselineComparison.Change.REGRESSION.counted(1));
        assertEquals("2 regressions", BaselineComparison.Change.REGRESSION.counted(2));
        assertEquals("0 improvements", BaselineComparison.Change.IMPROVEMENT.counted(0));
        assertEquals("2 within tolerance", BaselineComparison.Change.WITHIN_TOLERANCE.counted(2));
        assertEquals("3 unchanged", BaselineComparison.Change.UNCHANGED.counted(3));
    }
}
