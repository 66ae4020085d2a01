package dev.ffbench.output;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineRerecording;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** summary.md of a pull request that re-records the baseline: the banner and its cells, right under the first line. */
class BaselineBannerTest {
    private static final Path PROJECT = Path.of("/work/project");
    private static final String TARGET = "ff-baseline.json at main (commit 1a2b3c4)";
    private static final String SOURCE = "ff-baseline.json as re-recorded by this pull request (it differs from the one at"
            + " main, commit 1a2b3c4)";

    static ResultsDocument baseline(CellRecord... cells) {
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "2026-11-01T00:00:00Z",
                cells.length, List.of(), EnvironmentFingerprint.of(List.of(cells)), List.of(cells));
    }

    static String summary(ResultsDocument results, ResultsDocument target, ResultsDocument own) {
        GateConfig config = GateParameters.defaults().parse(TestCells.NAMES);
        BaselineRerecording rerecording = BaselineRerecording.of(config.tolerance(), target, TARGET, own, "ff-baseline.json");
        GateReport gates = GateEvaluator.evaluate(config, results, own, SOURCE);
        BaselineComparison comparison = BaselineComparison.of(config.tolerance(), results, own, SOURCE);
        ReportInputs inputs = new ReportInputs(results, gates, new OutputLayout(PROJECT.resolve("target/ff-benchmark")),
                new ProjectPaths(PROJECT), new Baseline(own, SOURCE, rerecording), null, comparison,
                History.none(PROJECT.resolve("ff-history"), "ff-history"), config.gatedMetrics(),
                dev.ffbench.gate.Verdict.of(gates, 0, comparison, true, "1a2b3c4", "0f0f0f0"));
        return SummaryWriter.markdown(inputs);
    }

    @Test
    void theBannerListsEachReRecordedCellWithItsOldAndNewFiguresUnderTheFirstLine() {
        CellRecord grown = passed(0, "backprop-d1-w16-s1", spec("backprop", 1, 16, 1), 1_000_000, 500, 0.9);
        CellRecord kept = passed(1, "backprop-d2-w16-s1", spec("backprop", 2, 16, 1), 2_000, 500, 0.9);
        ResultsDocument target = baseline(passed(0, "backprop-d1-w16-s1", spec("backprop", 1, 16, 1), 100_000, 500, 0.9),
                kept);
        ResultsDocument own = baseline(grown, kept);

        List<String> lines = summary(TestCells.results(List.of(grown, kept)), target, own).lines().toList();

        assertEquals(List.of(
                "> [!WARNING]",
                "> **This pull request re-records the baseline: 1 cell changed.** ff-baseline.json differs from " + TARGET
                        + ", so the gates judge against this pull request's file: review the re-recorded cells below. Old:"
                        + " the target branch's figures; new: the pull request's (trainingPeakBytes, evaluationPeakBytes,"
                        + " testAccuracy, the figures the baseline gates judge). 1 cell is unchanged.",
                ">",
                "> | cell | change | trainingPeakBytes: old → new | evaluationPeakBytes: old → new | testAccuracy: old → new |",
                "> |---|---|---|---|---|",
                "> | backprop-d1-w16-s1 | re-recorded | 100,000 B → **1,000,000 B** (+900,000 B (+900.00 %)) | 500 B → 500 B"
                        + " | 90.00 % → 90.00 % |",
                ""), lines.subList(4, 11));
        assertEquals("## Gates", lines.get(13));
        assertEquals("**PASSED**: 6 gates: 6 passed, 0 failed, 0 skipped.", lines.get(15),
                "judged against the pull request's own file, the intended regression passes");
    }

    @Test
    void withoutAReRecordingThereIsNoBanner() {
        CellRecord cell = passed(0, "backprop-d1-w16-s1", spec("backprop", 1, 16, 1), 100_000, 500, 0.9);
        String md = SummaryWriterTest.summary(TestCells.results(List.of(cell)), baseline(cell));
        assertFalse(md.contains("re-records"), md);
    }
}
