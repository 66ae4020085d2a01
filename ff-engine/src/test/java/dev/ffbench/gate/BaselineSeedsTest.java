package dev.ffbench.gate;

import static dev.ffbench.harness.TestCells.passed;
import static dev.ffbench.harness.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.gate.BaselineComparison.Change;
import dev.ffbench.gate.BaselineComparison.Row;
import dev.ffbench.harness.CellRecord;
import dev.ffbench.harness.EnvironmentFingerprint;
import dev.ffbench.harness.ResultsDocument;
import dev.ffbench.harness.TestCells;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a baseline gate over seeds compares the same seeds on both sides, a degenerate or failed
 * baseline seed widens no allowance, and the seed-noise allowance is bounded and shows where it came from.
 */
class BaselineSeedsTest {
    private static final Path BASELINE = Path.of("ff-baseline.json");
    private static final String COLLAPSED = "every unit of layer 1 is dead (outputs 0 for every test image)";

    private static ResultsDocument baseline(List<CellRecord> cells) {
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "then", cells.size(), List.of(),
                EnvironmentFingerprint.of(cells), cells);
    }

    private static GateReport judge(List<CellRecord> now, List<CellRecord> then, String maxSpeedDrop) {
        GateConfig config = new GateParameters(null, null, null, null, null, maxSpeedDrop, false).parse(TestCells.NAMES);
        return GateEvaluator.evaluate(config, TestCells.results(now), baseline(then), BASELINE);
    }

    private static GateOutcome outcome(GateReport report, Metric metric) {
        List<GateOutcome> found = report.outcomes().stream().filter(o -> o.metric() == metric).toList();
        assertEquals(1, found.size(), report.outcomes().toString());
        return found.get(0);
    }

    /** An FF cell of depth 2 with seed {@code seed} and test accuracy {@code accuracy}. */
    private static CellRecord ff(int seed, double accuracy) {
        return passed(seed - 1, "ff-d2-s" + seed, spec("ff-base", 2, 16, seed), 1000, 500, accuracy);
    }

    /** {@code cell} trained at {@code samplesPerSecond}. */
    private static CellRecord withSpeed(CellRecord cell, double samplesPerSecond) {
        ExperimentResult r = cell.result();
        return new CellRecord(cell.index(), cell.id(), cell.spec(), cell.status(), new ExperimentResult(r.schemaVersion(),
                r.spec(), r.dataset(), r.trainAccuracy(), r.testAccuracy(), r.losses(), r.memory(), r.trainSeconds(),
                r.evalSeconds(), samplesPerSecond, r.curve(), r.secondsToAccuracy(), r.evaluation(), r.environment()),
                null, null, cell.wallSeconds());
    }

    /**
     * A seed that learned far less than the others without being flagged degenerate (40 %) spreads the seeds
     * by 28 points: the noise allowance stops at 5 points, so a 6.67-point drop fails.
     */
    @Test
    void theSeedNoiseAllowanceIsCappedAndSaysWhatTheSpreadGave() {
        List<CellRecord> then = List.of(ff(1, 0.90), ff(2, 0.40), ff(3, 0.88));
        List<CellRecord> now = List.of(ff(1, 0.80), ff(2, 0.40), ff(3, 0.78));

        GateOutcome accuracy = outcome(judge(now, then, null), Metric.TEST_ACCURACY);

        assertEquals(GateOutcome.Status.FAILED, accuracy.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 2, 3): testAccuracy mean is 66.00 %, baseline mean 72.67 % (drop 6.67"
                + " points); allowed: a drop of at most 6.00 points (1.00 + 5.00 for seed noise); seed noise 5.00 points,"
                + " the cap: 2 standard errors of the difference of the means over seeds 1, 2, 3 (standard deviation 22.54"
                + " points now, 28.31 in the baseline) give 41.78 points, and a spread that wide is no seed noise but a"
                + " seed that learned less than the others", accuracy.detail());
        assertEquals("a drop of at most 6.00 points (1.00 + 5.00 for seed noise)", accuracy.bound());
    }
}
