package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;

import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.util.List;

/** Results and a baseline with one change of each kind, for the comparison table's tests. */
public final class ComparisonFixture {
    private ComparisonFixture() {}

    /** A baseline of six cells: an FF group of three seeds, and three single cells. */
    public static ResultsDocument baseline() {
        List<CellRecord> cells = List.of(
                passed(0, "ff-base-sum-squares-d4-w16-s1", spec("ff-base", 4, 16, 1), 1_000_000, 500_000, 0.80),
                passed(1, "backprop-d4-w16-s1", spec("backprop", 4, 16, 1), 2_000_000, 600_000, 0.90),
                passed(2, "ff-base-sum-squares-d2-w16-s1", spec("ff-base", 2, 16, 1), 800_000, 400_000, 0.90),
                passed(3, "ff-base-sum-squares-d2-w16-s2", spec("ff-base", 2, 16, 2), 800_000, 400_000, 0.86),
                passed(4, "ff-base-sum-squares-d2-w16-s3", spec("ff-base", 2, 16, 3), 800_000, 400_000, 0.88),
                passed(5, "backprop-d2-w16-s1", spec("backprop", 2, 16, 1), 1_000_000, 300_000, 0.85));
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "2026-11-01T00:00:00Z", 8,
                List.of(), EnvironmentFingerprint.of(cells), cells);
    }

    /**
     * The run: in matrix order an improvement (d4 FF peak -100,000 B), an unchanged cell, an FF group
     * whose seed 1 dropped 5 points (the mean 1.67, within 1.00 + 2.91 points of seed noise), a memory
     * regression (backprop d2 training peak +100,000 B), a new cell and a failed one.
     */
    public static ResultsDocument results() {
        return TestCells.results(List.of(
                passed(0, "ff-base-sum-squares-d4-w16-s1", spec("ff-base", 4, 16, 1), 900_000, 500_000, 0.80),
                passed(1, "backprop-d4-w16-s1", spec("backprop", 4, 16, 1), 2_000_000, 600_000, 0.90),
                passed(2, "ff-base-sum-squares-d2-w16-s1", spec("ff-base", 2, 16, 1), 800_000, 400_000, 0.85),
                passed(3, "ff-base-sum-squares-d2-w16-s2", spec("ff-base", 2, 16, 2), 800_000, 400_000, 0.86),
                passed(4, "ff-base-sum-squares-d2-w16-s3", spec("ff-base", 2, 16, 3), 800_000, 400_000, 0.88),
                passed(5, "backprop-d2-w16-s1", spec("backprop", 2, 16, 1), 1_100_000, 300_000, 0.85),
                passed(6, "backprop-d8-w16-s1", spec("backprop", 8, 16, 1), 3_000_000, 700_000, 0.80),
                TestCells.failed(7, "ff-base-sum-squares-d8-w16-s1", spec("ff-base", 8, 16, 1), "timed out after 1 s")));
    }

}
