package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pull request's re-recorded baseline changes in its target branch's, cell by cell. */
class BaselineRerecordingTest {
    static final String TARGET = "ff-baseline.json at main (commit 1a2b3c4)";

    static ResultsDocument baseline(CellRecord... cells) {
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "2026-11-01T00:00:00Z",
                cells.length, List.of(), EnvironmentFingerprint.of(List.of(cells)), List.of(cells));
    }

    /** main: a (1,000 B), b (90 %), c; the pull request: a grown, b's accuracy dropped, c as it was, d added, e removed. */
    static BaselineRerecording example(BaselineTolerance tolerance) {
        ResultsDocument main = baseline(
                passed(0, "a", spec("ff-base", 2, 16, 1), 1_000, 500, 0.9),
                passed(1, "b", spec("ff-base", 2, 16, 2), 1_000, 500, 0.9),
                passed(2, "c", spec("ff-base", 2, 16, 3), 1_000, 500, 0.9),
                passed(3, "e", spec("ff-base", 4, 16, 1), 1_000, 500, 0.9));
        ResultsDocument pullRequest = baseline(
                passed(0, "a", spec("ff-base", 2, 16, 1), 1_100, 500, 0.9),
                passed(1, "b", spec("ff-base", 2, 16, 2), 1_000, 500, 0.885),
                passed(2, "c", spec("ff-base", 2, 16, 3), 1_000, 500, 0.9),
                passed(4, "d", spec("ff-base", 8, 16, 1), 2_000, 600, 0.8));
        return BaselineRerecording.of(tolerance, main, TARGET, pullRequest, "ff-baseline.json");
    }

    @Test
    void everyCellWhoseJudgedFiguresChangedIsListedWithItsOldAndNewFiguresAddedAndRemovedOnesToo() {
        BaselineRerecording rerecording = example(BaselineTolerance.DEFAULTS);

        assertEquals(List.of(Metric.TRAINING_PEAK_BYTES, Metric.EVALUATION_PEAK_BYTES, Metric.TEST_ACCURACY),
                rerecording.metrics(), "samples/s is not judged without a speed gate");
        assertEquals(List.of("a (re-recorded: trainingPeakBytes 1,000 B -> 1,100 B (+100 B (+10.00 %)))",
                "b (re-recorded: testAccuracy 90.00 % -> 88.50 % (-1.50 pts))", "d (added)", "e (removed)"),
                rerecording.cells().stream().map(BaselineRerecording.Cell::text).toList());
        assertEquals(1, rerecording.unchanged(), "c");
        assertEquals("this pull request re-records the baseline: 4 cells changed", rerecording.banner());
        assertEquals("ff-baseline.json differs from " + TARGET + ", so the gates judge against this pull request's file:"
                + " review the re-recorded cells below. Old: the target branch's figures; new: the pull request's"
                + " (trainingPeakBytes, evaluationPeakBytes, testAccuracy, the figures the baseline gates judge). 1 cell is"
                + " unchanged.", rerecording.explanation());

        BaselineRerecording.Cell added = rerecording.cells().get(2);
        assertEquals(List.of("", "", ""), added.figures().stream().map(BaselineRerecording.Figure::beforeText).toList());
        assertEquals(List.of("2,000 B", "600 B", "80.00 %"),
                added.figures().stream().map(BaselineRerecording.Figure::afterText).toList());
        BaselineRerecording.Cell removed = rerecording.cells().get(3);
        assertEquals(List.of("1,000 B", "500 B", "90.00 %"),
                removed.figures().stream().map(BaselineRerecording.Figure::beforeText).toList());
        assertEquals(List.of("+100 B (+10.00 %)", "no change", "no change"),
                rerecording.cells().get(0).figures().stream().map(BaselineRerecording.Figure::deltaText).toList());
        assertEquals("this pull request re-records the baseline: 4 cells changed: a (re-recorded: trainingPeakBytes"
                + " 1,000 B -> 1,100 B (+100 B (+10.00 %))) and 3 more", rerecording.logText(1));
    }

    @Test
    void withASpeedGateSamplesPerSecondIsComparedToo() {
        BaselineRerecording rerecording = example(new BaselineTolerance(0, 1, 2, 20.0));

        assertEquals(List.of(Metric.TRAINING_PEAK_BYTES, Metric.EVALUATION_PEAK_BYTES, Metric.TEST_ACCURACY,
                Metric.SAMPLES_PER_SECOND), rerecording.metrics());
        assertEquals("1,000 samples/s", rerecording.cells().get(0).figures().get(3).beforeText());
        assertEquals(4, rerecording.cells().size());
    }
}
