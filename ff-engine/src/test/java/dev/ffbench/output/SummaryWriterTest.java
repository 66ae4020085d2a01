package dev.ffbench.output;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.ComparisonFixture;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Verdict;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {
    private static final Path PROJECT = Path.of("/work/project");
    private static final String SOURCE = "ff-baseline.json at main (commit 1a2b3c4)";

    static String summary(ResultsDocument results, ResultsDocument baseline) {
        GateConfig config = GateParameters.defaults().parse(TestCells.NAMES);
        GateReport gates = GateEvaluator.evaluate(config, results, baseline, baseline == null ? "ff-baseline.json" : SOURCE);
        BaselineComparison comparison = baseline == null ? null
                : BaselineComparison.of(config.tolerance(), results, baseline, SOURCE);
        ReportInputs inputs = new ReportInputs(results, gates, new OutputLayout(PROJECT.resolve("target/ff-benchmark")),
                new ProjectPaths(PROJECT), new Baseline(baseline, baseline == null ? "ff-baseline.json" : SOURCE),
                baseline == null ? "no baseline file at ff-baseline.json" : null, comparison,
                History.none(PROJECT.resolve("ff-history"), "ff-history"), config.gatedMetrics(),
                Verdict.of(gates, results.failedCells().size(), comparison, true, "1a2b3c4", "9f8e7d6"));
        return SummaryWriter.markdown(inputs);
    }

    /** The lines of the section that starts with {@code heading}, up to the next "## " heading. */
    static List<String> section(String markdown, String heading) {
        List<String> lines = Arrays.asList(markdown.split("\n", -1));
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "no " + heading + " in:\n" + markdown);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    @Test
    void theComparisonListsARegressionThenAnAccuracyDropWithinNoiseThenAnImprovementWithTheirDeltas() {
        String md = summary(ComparisonFixture.results(), ComparisonFixture.baseline());

        assertEquals("# FF Bench results against baseline ff-baseline.json at main (commit 1a2b3c4)", md.lines().skip(2).findFirst().get());
        List<String> section = section(md, "## Comparison with the baseline");
        assertTrue(section.get(1).startsWith("Baseline ff-baseline.json at main (commit 1a2b3c4), generated"
                + " 2026-11-01T00:00:00Z: 8 cells: 1 regression, 1 failed, 3 within tolerance, 1 improvement, 1 new,"
                + " 1 unchanged."), section.get(1));
        List<String> rows = section.stream().filter(line -> line.startsWith("| ") && !line.startsWith("| change")).toList();
        assertEquals(List.of(
                "| **regression** | backprop-d2-w16-s1 | 1,100,000 B | **+100,000 B (+10.00 %)** | 300,000 B | 0 B (0.00 %)"
                        + " | 85.00 % | +0.00 pts; allowed: a drop of at most 1.00 points | 1,000 | +0.00 % (informational) |",
                "| **failed** | ff-base-sum-squares-d8-w16-s1 | timed out after 1 s | | | | | | | |",
                "| within tolerance | ff-base-sum-squares-d2-w16-s1 | 800,000 B | 0 B (0.00 %) | 400,000 B | 0 B (0.00 %)"
                        + " | 85.00 % | mean -1.67 pts over seeds 1, 2, 3; allowed: a drop of at most 3.91 points (1.00 +"
                        + " 2.91 for seed noise) | 1,000 | +0.00 % (informational) |",
                "| within tolerance | ff-base-sum-squares-d2-w16-s2 | 800,000 B | 0 B (0.00 %) | 400,000 B | 0 B (0.00 %)"
                        + " | 86.00 % | mean -1.67 pts over seeds 1, 2, 3; allowed: a drop of at most 3.91 points (1.00 +"
                        + " 2.91 for seed noise) | 1,000 | +0.00 % (informational) |",
                "| within tolerance | ff-base-sum-squares-d2-w16-s3 | 800,000 B | 0 B (0.00 %) | 400,000 B | 0 B (0.00 %)"
                        + " | 88.00 % | mean -1.67 pts over seeds 1, 2, 3; allowed: a drop of at most 3.91 points (1.00 +"
                        + " 2.91 for seed noise) | 1,000 | +0.00 % (informational) |",
                "| improvement | ff-base-sum-squares-d4-w16-s1 | 900,000 B | -100,000 B (-10.00 %) | 500,000 B | 0 B (0.00 %)"
                        + " | 80.00 % | +0.00 pts; allowed: a drop of at most 1.00 points | 1,000 | +0.00 % (informational) |",
                "| new | backprop-d8-w16-s1 | 3,000,000 B |  | 700,000 B |  | 80.00 % |  | 1,000 |  |",
                "| unchanged | backprop-d4-w16-s1 | 2,000,000 B | 0 B (0.00 %) | 600,000 B | 0 B (0.00 %) | 90.00 %"
                        + " | +0.00 pts; allowed: a drop of at most 1.00 points | 1,000 | +0.00 % (informational) |"), rows);
        int folded = section.indexOf("<details><summary>1 unchanged cell</summary>");
        assertTrue(folded > 0 && section.indexOf(rows.get(rows.size() - 1)) > folded, "the unchanged cell is folded");
        assertTrue(section.indexOf(rows.get(rows.size() - 2)) < folded, "changed cells are not");
        // the cells table is folded too when the comparison shows every cell
        assertTrue(section(md, "## Cells").contains("<details><summary>All 8 cells</summary>"));
        assertTrue(md.contains("**FAILED**: "), "the memory regression fails its gate");
    }

    /** Issue 21: the verdict at a glance, before everything else, with the counts and commits computed by the verdict. */
    @Test
    void theFirstLineIsTheVerdictWithTheCountsAgainstTheBaselineAndTheCommits() {
        String md = summary(ComparisonFixture.results(), ComparisonFixture.baseline());

        assertEquals("**FF Bench: failed** (1 failed cell, 1 gate violation): against the baseline 1 regression,"
                + " 1 improvement, 1 unchanged, 1 new, 0 missing, 3 within tolerance, 1 failed; head 1a2b3c4 against"
                + " baseline 9f8e7d6.", md.lines().findFirst().get());
        assertEquals("", md.lines().skip(1).findFirst().get());
    }

    @Test
    void withoutABaselineTheFirstLineSaysSoAndNamesTheHeadCommitOnly() {
        String md = summary(ComparisonFixture.results(), null);

        assertEquals("**FF Bench: failed** (1 failed cell): no baseline (no baseline file at ff-baseline.json); head"
                + " 1a2b3c4.", md.lines().findFirst().get());
    }

    @Test
    void withoutABaselineTheHeadingSaysSoAndTheCellsAreShown() {
        String md = summary(ComparisonFixture.results(), null);
        assertEquals("# FF Bench results: no baseline was used (no baseline file at ff-baseline.json)",
                md.lines().skip(2).findFirst().get());
        assertTrue(!md.contains("## Comparison with the baseline"), md);
        assertTrue(section(md, "## Cells").contains("| backprop-d2-w16-s1 | passed | 85.00 % | 1,100,000 B | 300,000 B | 1,000 | 3.0 s |"));
    }

    @Test
    void anAccuracyFromCappedTrainingIsMarkedAndExplained() {
        List<CellRecord> cells = List.of(
                passed(0, "backprop-d2-w16-s1", spec("backprop", 2, 16, 1), 1_000_000, 500_000, 0.9),
                // 400 training images in 256-image steps take 2 steps per epoch: a cap of 1 cuts, a cap of 2 does not
                passed(1, "backprop-d4-w16-s1", spec("backprop", 4, 16, 1).withSteps(1), 2_000_000, 500_000, 0.3),
                passed(2, "backprop-d8-w16-s1", spec("backprop", 8, 16, 1).withSteps(2), 2_000_000, 500_000, 0.3));
        String md = summary(ResultsDocument.results("2026-11-30T00:00:00Z", 3, List.of(), cells), null);

        List<String> section = section(md, "## Cells");
        assertTrue(section.contains("| backprop-d2-w16-s1 | passed | 90.00 % | 1,000,000 B | 500,000 B | 1,000 | 3.0 s |"), md);
        assertTrue(section.contains("| backprop-d4-w16-s1 | passed | 30.00 % (capped) | 2,000,000 B | 500,000 B | 1,000 | 3.0 s |"), md);
        assertTrue(section.contains("| backprop-d8-w16-s1 | passed | 30.00 % | 2,000,000 B | 500,000 B | 1,000 | 3.0 s |"),
                "a cap at or above the split's steps trains the whole split: " + md);
        assertTrue(section.contains("(capped): trained on a capped number of steps per epoch (maxStepsPerEpoch) for its memory"
                + " figures, which do not depend on it; that accuracy and speed are not a trained net's."), md);
        assertTrue(!summary(ComparisonFixture.results(), null).contains("(capped)"), "no note without a capped cell");
    }

    @Test
    void anOversizedMatrixIsFoldedUnderTheLimitWithACountAndRegressionsKept() {
        int n = 3_000;
        List<CellRecord> now = new ArrayList<>();
        List<CellRecord> then = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "backprop-d" + (i + 1) + "-w16-s1";
            now.add(passed(i, id, spec("backprop", i + 1, 16, 1), i == 1_234 ? 2_000_000 : 1_000_000, 500_000, 0.9));
            then.add(passed(i, id, spec("backprop", i + 1, 16, 1), 1_000_000, 500_000, 0.9));
        }
        ResultsDocument results = ResultsDocument.results("2026-11-30T00:00:00Z", n, List.of(), now);
        ResultsDocument baseline = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-11-01T00:00:00Z", n, List.of(), EnvironmentFingerprint.of(then), then);

        String md = summary(results, baseline);

        assertTrue(md.length() <= SummaryWriter.LIMIT, "under the limit: " + md.length());
        assertTrue(md.length() > SummaryWriter.LIMIT - 2_000, "and the room is used: " + md.length());
        List<String> comparison = section(md, "## Comparison with the baseline");
        assertTrue(comparison.contains("| **regression** | backprop-d1235-w16-s1 | 2,000,000 B | **+1,000,000 B (+100.00 %)**"
                + " | 500,000 B | 0 B (0.00 %) | 90.00 % | +0.00 pts; allowed: a drop of at most 1.00 points | 1,000 |"
                + " +0.00 % (informational) |"), "the regression survives");
        assertTrue(comparison.contains("<details><summary>2999 unchanged cells</summary>"), "the count is of every unchanged cell");
        long shown = comparison.stream().filter(line -> line.startsWith("| unchanged |")).count();
        Matcher fold = Pattern.compile("_(\\d+) more rows are folded to keep this summary under 60,000 characters:"
                + " report.html \\(in the same directory or CI artifact\\) has every row\\._").matcher(String.join("\n", comparison));
        assertTrue(fold.find(), "a fold line with a count");
        assertEquals(2_999, shown + Long.parseLong(fold.group(1)), "shown plus folded is every unchanged cell");
        assertTrue(md.contains("| failed | baseline | backprop-d1235-w16-s1 | trainingPeakBytes |"), "the failed gate survives");
        assertTrue(md.contains("<details><summary>8999 passed gates</summary>"));
    }
}
