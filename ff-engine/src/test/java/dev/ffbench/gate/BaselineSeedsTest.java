package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.gate.BaselineComparison.Change;
import dev.ffbench.gate.BaselineComparison.Row;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
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
                r.evalSeconds(), samplesPerSecond, r.curve(), r.secondsToAccuracy(), r.evaluation(), r.environment(), null, null),
                null, null, cell.wallSeconds());
    }

    /**
     * Seed 1 dropped 20 points; the baseline's mean over seeds 1-3 equals seed 1's accuracy now. Compared
     * with that mean the gate read "drop 0.00 points" (and allowed 21 points of seed noise); compared with
     * seed 1 it fails.
     */
    @Test
    void aOneSeedRunIsComparedWithTheSameSeedOfAThreeSeedBaseline() {
        List<CellRecord> then = List.of(ff(1, 0.90), ff(2, 0.60), ff(3, 0.60));

        GateReport report = judge(List.of(ff(1, 0.70)), then, null);

        GateOutcome accuracy = outcome(report, Metric.TEST_ACCURACY);
        assertEquals(GateOutcome.Status.FAILED, accuracy.status());
        assertEquals("ff-d2 (seed 1)", accuracy.cell());
        assertEquals("[baseline] ff-d2 (seed 1): testAccuracy mean is 70.00 %, baseline mean 90.00 % (drop 20.00 points);"
                + " allowed: a drop of at most 1.00 points; compared on seed 1 only, the same seeds on both sides; left"
                + " out: seeds 2, 3 (not in this run)", accuracy.detail());
        assertEquals(0.90, accuracy.comparedWith(), 1e-12);

        Row row = BaselineComparison.of(BaselineTolerance.DEFAULTS, TestCells.results(List.of(ff(1, 0.70))), baseline(then),
                "b").rows().get(0);
        assertEquals(Change.REGRESSION, row.change(), "the table agrees with the gate");
        assertEquals("-20.00 pts; allowed: a drop of at most 1.00 points", row.accuracy().deltaText());
    }

    /** The other way round: three seeds now, one in the baseline; and a seed that failed is named as left out. */
    @Test
    void aThreeSeedRunIsComparedWithTheSeedsTheBaselineHasAndFailedSeedsAreNamed() {
        List<CellRecord> now = List.of(ff(1, 0.70), TestCells.failed(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), "timed out"),
                ff(3, 0.95), ff(4, 0.95));
        List<CellRecord> then = List.of(ff(1, 0.90), ff(2, 0.90),
                TestCells.failed(2, "ff-d2-s3", spec("ff-base", 2, 16, 3), "the JVM crashed"));

        GateOutcome accuracy = outcome(judge(now, then, null), Metric.TEST_ACCURACY);

        assertEquals(GateOutcome.Status.FAILED, accuracy.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 3, 4): testAccuracy mean is 70.00 %, baseline mean 90.00 % (drop 20.00"
                + " points); allowed: a drop of at most 1.00 points; compared on seed 1 only, the same seeds on both"
                + " sides; left out: seed 2 (failed in this run), seed 3 (failed in the baseline), seed 4 (not in the"
                + " baseline)", accuracy.detail());
        Row row = BaselineComparison.of(BaselineTolerance.DEFAULTS, TestCells.results(now), baseline(then), "b").rows().get(0);
        assertEquals("ff-d2-s1", row.cell());
        assertEquals("mean -20.00 pts over seed 1; allowed: a drop of at most 1.00 points", row.accuracy().deltaText(),
                "the table names the seeds the mean is over, not the group's");
    }

    /** Speed alike: seed 1 kept its speed, which the mean over seeds 1-3 read as a 57 % drop. */
    @Test
    void speedIsComparedOverTheSameSeedsOnBothSides() {
        List<CellRecord> then = List.of(withSpeed(ff(1, 0.9), 1000), withSpeed(ff(2, 0.9), 3000), withSpeed(ff(3, 0.9), 3000));
        List<CellRecord> now = List.of(withSpeed(ff(1, 0.9), 1000));

        GateOutcome speed = outcome(judge(now, then, "10"), Metric.SAMPLES_PER_SECOND);

        assertEquals(GateOutcome.Status.PASSED, speed.status());
        assertEquals("[baseline] ff-d2 (seed 1): samplesPerSecond mean is 1,000 samples/s, baseline mean 1,000 samples/s"
                + " (drop 0.00 %); allowed: a drop of at most 10.00 %; compared on seed 1 only, the same seeds on both"
                + " sides; left out: seeds 2, 3 (not in this run)", speed.detail());
        Row row = BaselineComparison.of(new BaselineTolerance(0, 1, 2, 10.0), TestCells.results(now), baseline(then), "b")
                .rows().get(0);
        assertEquals(Change.UNCHANGED, row.change(), "the table agrees: no speed regression");
    }

    /** Seeds 4 and 5 against a baseline of seeds 1-3: no mean over other seeds is compared; both sides are named. */
    @Test
    void aGroupThatSharesNoSeedWithTheBaselineIsNotCompared() {
        CellRecord reference = passed(9, "bp-d2-s1", spec("backprop", 2, 16, 1), 1000, 500, 0.9);
        List<CellRecord> then = List.of(ff(1, 0.90), ff(2, 0.90), ff(3, 0.90), reference);
        List<CellRecord> now = List.of(ff(4, 0.10), ff(5, 0.10), reference);

        GateReport report = judge(now, then, "10");

        String refusal = "not compared: this run and the baseline share no seed of this group (this run: seeds 4, 5; the"
                + " baseline: seeds 1, 2, 3), and a mean over other seeds does not compare; allowed: the same seeds on both"
                + " sides (record them with mvn ff:baseline)";
        List<GateOutcome> ff = report.outcomes().stream().filter(o -> o.cell().startsWith("ff-d2 ")).toList();
        assertEquals(List.of("[baseline] ff-d2 (seeds 4, 5): testAccuracy " + refusal,
                "[baseline] ff-d2 (seeds 4, 5): samplesPerSecond " + refusal), ff.stream().map(GateOutcome::detail).toList());
        assertEquals(List.of(GateOutcome.Status.SKIPPED, GateOutcome.Status.SKIPPED), ff.stream().map(GateOutcome::status).toList());
        assertEquals(List.of(), report.violations());
    }

    /**
     * The baseline's seed 2 collapsed (10 %): in the mean over seeds 1-3 it lowered the baseline to 62.67 % and
     * widened the seed noise to 53.20 points, so a 15-point drop on seeds 1 and 3 passed (read as a rise of 15
     * points, seed 2 having learned now). Left out, it widens
     * nothing: the drop fails, and seed 2 is named.
     */
    @Test
    void aCollapsedBaselineSeedIsLeftOutAndADropOnTheHealthySeedsFails() {
        List<CellRecord> then = List.of(ff(1, 0.90), TestCells.degenerate(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 0.10,
                COLLAPSED), ff(3, 0.88));
        List<CellRecord> now = List.of(ff(1, 0.75), ff(2, 0.85), ff(3, 0.73));

        GateOutcome accuracy = outcome(judge(now, then, null), Metric.TEST_ACCURACY);

        assertEquals(GateOutcome.Status.FAILED, accuracy.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 2, 3): testAccuracy mean is 74.00 %, baseline mean 89.00 % (drop 15.00"
                + " points); allowed: a drop of at most 3.83 points (1.00 + 2.83 for seed noise); seed noise 2.83 points:"
                + " 2 standard errors of the difference of the means over seeds 1, 3 (standard deviation 1.41 points now,"
                + " 1.41 in the baseline); compared on seeds 1, 3 only, the same seeds on both sides; left out: seed 2 (the"
                + " baseline's predictions are degenerate, so its accuracy is no measure of learning and widens no"
                + " allowance)", accuracy.detail());
        Row row = BaselineComparison.of(BaselineTolerance.DEFAULTS, TestCells.results(now), baseline(then), "b").rows().get(0);
        assertEquals(Change.REGRESSION, row.change());
        assertEquals("mean -15.00 pts over seeds 1, 3; allowed: a drop of at most 3.83 points (1.00 + 2.83 for seed"
                + " noise)", row.accuracy().deltaText());

        // the healthy seeds kept their accuracy: the gate passes, still naming the seed it left out
        GateOutcome kept = outcome(judge(List.of(ff(1, 0.90), ff(2, 0.85), ff(3, 0.88)), then, null), Metric.TEST_ACCURACY);
        assertEquals(GateOutcome.Status.PASSED, kept.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 2, 3): testAccuracy mean is 89.00 %, baseline mean 89.00 % (drop 0.00"
                + " points); allowed: a drop of at most 3.83 points (1.00 + 2.83 for seed noise); seed noise 2.83 points:"
                + " 2 standard errors of the difference of the means over seeds 1, 3 (standard deviation 1.41 points now,"
                + " 1.41 in the baseline); compared on seeds 1, 3 only, the same seeds on both sides; left out: seed 2 (the"
                + " baseline's predictions are degenerate, so its accuracy is no measure of learning and widens no"
                + " allowance)", kept.detail());
    }

    /**
     * A seed that stopped learning fails even when another seed collapsed in the baseline (which used to skip
     * the whole group as "neither learned"); a seed that collapsed on both sides is left out.
     */
    @Test
    void aSeedThatStoppedLearningFailsWhateverAnotherSeedDidInTheBaseline() {
        String chance = "test accuracy 10.00 % is not above chance (11.00 %, the most frequent class's share of the test split)";
        List<CellRecord> then = List.of(ff(1, 0.90), TestCells.degenerate(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 0.10,
                COLLAPSED), TestCells.degenerate(2, "ff-d2-s3", spec("ff-base", 2, 16, 3), 0.10, COLLAPSED));
        List<CellRecord> now = List.of(TestCells.degenerate(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 0.10, chance),
                ff(2, 0.90), TestCells.degenerate(2, "ff-d2-s3", spec("ff-base", 2, 16, 3), 0.10, COLLAPSED));

        GateOutcome accuracy = outcome(judge(now, then, null), Metric.TEST_ACCURACY);

        assertEquals(GateOutcome.Status.FAILED, accuracy.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 2, 3): testAccuracy mean is 10.00 %, baseline mean 90.00 % (drop 80.00"
                + " points); allowed: a drop of at most 1.00 points; compared on seed 1 only, the same seeds on both sides;"
                + " left out: seed 2 (the baseline's predictions are degenerate, so its accuracy is no measure of learning"
                + " and widens no allowance), seed 3 (degenerate in this run and in the baseline); but ff-d2-s1's"
                + " predictions are degenerate (" + chance + "): an accuracy from a net that did not learn is no pass (the"
                + " baseline's were not)", accuracy.detail());
        Row row = BaselineComparison.of(BaselineTolerance.DEFAULTS, TestCells.results(now), baseline(then), "b").rows().get(0);
        assertEquals("ff-d2-s1", row.cell());
        assertEquals(Change.REGRESSION, row.change(), "the table takes the gate's verdict, veto included");
    }

    /** Seeds collapsed on both sides are no measure; with only those shared, the gate is skipped, naming them. */
    @Test
    void aGroupWhoseSharedSeedsCollapsedOnBothSidesIsSkipped() {
        List<CellRecord> collapsed = List.of(TestCells.degenerate(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 0.10, COLLAPSED),
                TestCells.degenerate(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 0.10, COLLAPSED));
        List<CellRecord> now = List.of(collapsed.get(0), collapsed.get(1), ff(3, 0.9));

        GateOutcome accuracy = outcome(judge(now, collapsed, null), Metric.TEST_ACCURACY);

        assertEquals(GateOutcome.Status.SKIPPED, accuracy.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 2, 3): testAccuracy (left out: seed 3 (not in the baseline)) not compared:"
                + " the predictions of this run and of the baseline are degenerate (ff-d2 (seeds 1, 2)), so neither"
                + " accuracy is a measure of learning", accuracy.detail());

        // the run learned where the baseline did not: nothing to compare with, which is no failure
        GateOutcome learned = outcome(judge(List.of(ff(1, 0.9), ff(2, 0.9)), collapsed, null), Metric.TEST_ACCURACY);
        assertEquals(GateOutcome.Status.SKIPPED, learned.status());
        assertEquals("[baseline] ff-d2 (seeds 1, 2): testAccuracy not compared: no seed has a learned accuracy in the"
                + " baseline (this run: seeds 1, 2; the baseline: seeds 1, 2); left out: seeds 1, 2 (the baseline's"
                + " predictions are degenerate, so its accuracy is no measure of learning and widens no allowance)",
                learned.detail());
        Row row = BaselineComparison.of(BaselineTolerance.DEFAULTS, TestCells.results(List.of(ff(1, 0.9), ff(2, 0.9))),
                baseline(collapsed), "b").rows().get(0);
        assertEquals("not compared: no seed learned on both sides", row.accuracy().deltaText());
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
