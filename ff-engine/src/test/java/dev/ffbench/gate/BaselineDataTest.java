package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.DatasetFile;
import dev.ffbench.dataset.DatasetFingerprint;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A baseline measured on other data is refused, not compared; the same data in other files compares. */
class BaselineDataTest {
    private static final Path BASELINE = Path.of("ff-baseline.json");
    private static final String HASH_A = "sha256:" + "0123456789ab".repeat(5) + "cdef";
    private static final String HASH_B = "sha256:" + "fedcba987654".repeat(5) + "3210";

    private static DatasetSummary data(String hash, String... files) {
        List<DatasetFile> listed = java.util.Arrays.stream(files).map(f -> new DatasetFile(f, 1_000)).toList();
        return new DatasetSummary(400, 100, 28, 28, 1, 10, new DatasetFingerprint(listed, hash));
    }

    private static ResultsDocument baseline(List<CellRecord> cells) {
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "then", cells.size(), List.of(),
                EnvironmentFingerprint.of(cells), cells);
    }

    private static GateReport judge(List<CellRecord> now, List<CellRecord> then, BaselineTolerance tolerance) {
        return GateEvaluator.evaluate(new GateConfig(List.of(), List.of(), tolerance, false), TestCells.results(now),
                baseline(then), BASELINE);
    }

    /** Two seeds of one FF cell, each passed with the same numbers, measured on {@code data}. */
    private static List<CellRecord> cells(DatasetSummary data) {
        return List.of(
                TestCells.withData(passed(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 1000, 500, 0.9), data),
                TestCells.withData(passed(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 1000, 500, 0.9), data));
    }

    /**
     * The comparison agrees with the gates: a cell refused for other data shows no delta (an accuracy
     * "drop" between two datasets is no regression of the code) and is counted as other data.
     */
    @Test
    void theComparisonShowsACellOfOtherDataAsNotComparedWithNoDelta() {
        List<CellRecord> then = cells(data(HASH_A, "a.csv"));
        List<CellRecord> now = List.of(
                TestCells.withData(passed(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 2000, 500, 0.5), data(HASH_B, "a.csv")),
                TestCells.withData(passed(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 2000, 500, 0.5), data(HASH_B, "a.csv")));
        BaselineComparison comparison = BaselineComparison.of(new BaselineTolerance(0, 1, 2, 10.0), TestCells.results(now),
                baseline(then), "ff-baseline.json");

        assertEquals(List.of(BaselineComparison.Change.OTHER_DATA, BaselineComparison.Change.OTHER_DATA),
                comparison.rows().stream().map(BaselineComparison.Row::change).toList());
        BaselineComparison.Row row = comparison.rows().get(0);
        assertEquals(null, row.training(), "no memory delta");
        assertEquals(null, row.accuracy(), "no accuracy delta");
        assertEquals(java.util.Set.of(), row.regressed());
        assertEquals("2 cells: 2 other data", comparison.tally());
        assertEquals("0 regressions, 0 improvements, 0 unchanged, 0 new, 0 missing, 2 on other data (not compared)",
                Verdict.Counts.of(comparison).text());
    }

    @Test
    void aBaselineOfOtherDataIsRefusedNamingBothFingerprints() {
        List<CellRecord> then = cells(data(HASH_A, "a.csv", "b.csv"));
        GateReport report = judge(cells(data(HASH_B, "train.csv", "test.csv")), then,
                new BaselineTolerance(0, 1, 2, 10.0));

        assertEquals(List.of(
                "[baseline] ff-d2-s1: measured on other data than its baseline cell (dataset 'synthetic:7:400:100'"
                        + " sha256:fedcba987654 (2 files, 2,000 B) now, 'synthetic:7:400:100' sha256:0123456789ab"
                        + " (2 files, 2,000 B) in the baseline), so its memory and accuracy are not compared; allowed:"
                        + " a baseline of the same data",
                "[baseline] ff-d2-s2: measured on other data than its baseline cell (dataset 'synthetic:7:400:100'"
                        + " sha256:fedcba987654 (2 files, 2,000 B) now, 'synthetic:7:400:100' sha256:0123456789ab"
                        + " (2 files, 2,000 B) in the baseline), so its memory and accuracy are not compared; allowed:"
                        + " a baseline of the same data"),
                report.violations().stream().map(GateOutcome::detail).toList());
        assertEquals(List.of(
                "[baseline] ff-d2 (seeds 1, 2): testAccuracy not compared: the baseline was measured on other data (see"
                        + " the cells' [baseline] failures)",
                "[baseline] ff-d2 (seeds 1, 2): samplesPerSecond not compared: the baseline was measured on other data"
                        + " (see the cells' [baseline] failures)"),
                report.outcomes().stream().filter(o -> o.status() == GateOutcome.Status.SKIPPED)
                        .map(GateOutcome::detail).toList());
        assertEquals(4, report.outcomes().size(), "no memory, accuracy or speed gate judged across data");
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void theSameDataUnderOtherFileNamesIsCompared() {
        GateReport report = judge(cells(data(HASH_A, "train-images.idx3-ubyte")),
                cells(data(HASH_A, "train-images-idx3-ubyte.gz")), BaselineTolerance.DEFAULTS);
        assertEquals(List.of(), report.violations());
        assertEquals(List.of(Metric.TRAINING_PEAK_BYTES, Metric.EVALUATION_PEAK_BYTES, Metric.TRAINING_PEAK_BYTES,
                Metric.EVALUATION_PEAK_BYTES, Metric.TEST_ACCURACY), report.outcomes().stream().map(GateOutcome::metric).toList());
    }

    @Test
    void aBaselineWithoutAFingerprintIsComparedWithAWarning() {
        List<CellRecord> then = cells(null);
        GateReport report = judge(cells(data(HASH_A)), then, BaselineTolerance.DEFAULTS);
        assertEquals(5, report.outcomes().stream().filter(o -> o.status() == GateOutcome.Status.PASSED).count());
        assertEquals(List.of("2 baseline cells record no dataset fingerprint (recorded by an earlier ff-maven-plugin):"
                + " whether the baseline was measured on the same data cannot be checked; re-record it with mvn"
                + " ff:baseline"), report.warnings());
    }

    @Test
    void theComparisonTableShowsACellOfOtherDataAsOtherDataWithTheReason() {
        List<CellRecord> then = cells(data(HASH_A));
        BaselineComparison comparison = BaselineComparison.of(BaselineTolerance.DEFAULTS,
                TestCells.results(cells(data(HASH_B))), baseline(then), "ff-baseline.json");
        BaselineComparison.Row row = comparison.rows().get(0);
        assertEquals(BaselineComparison.Change.OTHER_DATA, row.change(), "memory and accuracy unchanged, data not");
        assertEquals("measured on other data than its baseline cell (dataset 'synthetic:7:400:100' sha256:fedcba987654"
                + " (generated, no files) now, 'synthetic:7:400:100' sha256:0123456789ab (generated, no files) in the"
                + " baseline)", row.note());
        assertEquals(BaselineComparison.Change.UNCHANGED, BaselineComparison.of(BaselineTolerance.DEFAULTS,
                TestCells.results(cells(data(HASH_A))), baseline(then), "ff-baseline.json").rows().get(0).change());
    }
}
