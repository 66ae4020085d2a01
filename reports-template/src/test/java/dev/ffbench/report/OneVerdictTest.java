package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.GateParameters;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One verdict per number: ff:check's own path (results.json and a baseline on disk, a 5 % memory
 * tolerance) writes summary.md, the JUnit XML and report.html, and every section of each says what the gates'
 * comparison says. A 1 % growth is "within tolerance" everywhere and red nowhere; an unchanged figure is never red,
 * not even on a regressed row.
 */
class OneVerdictTest {
    static final String FF_D2 = "ff-base-symba-d2-w64-s1";
    static final String FF_D4 = "ff-base-symba-d4-w64-s1";
    static final String BP = "backprop-d2-w64-s1";

    @TempDir
    static Path dir;
    static Document report;
    static String summary;
    static Document junit;

    @BeforeAll
    static void check() throws IOException {
        ResultsDocument baseline = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-11-01T00:00:00Z", 3, List.of(), EnvironmentFingerprint.of(Fixtures.ENV), List.of(
                        Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 1_000_000, 500_000, 0.8, 1000),
                        Fixtures.passed(1, Fixtures.spec("ff-base", 4, 64, 1), 3_000_000, 1_500_000, 0.7, 900),
                        Fixtures.passed(2, Fixtures.spec("backprop", 2, 64, 1), 4_000_000, 2_000_000, 0.9, 2000)));
        List<CellRecord> now = List.of(
                // +1 % on both peaks: within a 5 % tolerance
                Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 1_010_000, 505_000, 0.8, 1000),
                // every figure as in the baseline
                Fixtures.passed(1, Fixtures.spec("ff-base", 4, 64, 1), 3_000_000, 1_500_000, 0.7, 900),
                // +10 % training peak (a regression) beside an unchanged evaluation peak and accuracy
                Fixtures.passed(2, Fixtures.spec("backprop", 2, 64, 1), 4_400_000, 2_000_000, 0.9, 2000));
        Path out = dir.resolve("ff-benchmark");
        Files.createDirectories(out);
        Path results = out.resolve("results.json");
        ResultsFiles.write(results, ResultsDocument.results("2026-11-02T00:00:00Z", 3, List.of(), now));
        Path baselineFile = dir.resolve("ff-baseline.json");
        ResultsFiles.write(baselineFile, baseline);
        GateParameters tolerance = new GateParameters(null, null, "5", null, null, null, false);
        Harness.check(new Harness.CheckRequest(List.of(results), tolerance, baselineFile, out,
                List.of(new BenchmarkReport()), dir, null, null, false), new HarnessLog() {
                    @Override
                    public void info(String message) {}

                    @Override
                    public void warn(String message) {}
                });
        report = Jsoup.parse(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8));
        summary = Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8);
        junit = Jsoup.parse(Files.readString(out.resolve("TEST-ff-benchmark.xml"), StandardCharsets.UTF_8), "",
                Parser.xmlParser());
    }

    /** The JUnit XML test case of a gate ("cell: metric"). */
    static Element gateCase(String name) {
        return junit.select("testcase[classname=ff.gates.baseline]").stream().filter(c -> c.attr("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " in:\n" + junit));
    }

    static Element cellRow(String id) {
        return report.select("table.cells tbody tr").stream().filter(r -> r.selectFirst("td.id").text().equals(id))
                .findFirst().orElseThrow();
    }

    static Element comparisonRow(String id) {
        return report.select("table.comparison tbody tr").stream().filter(r -> r.selectFirst("td.id").text().equals(id))
                .findFirst().orElseThrow();
    }

    static String summaryRow(String id) {
        // a comparison row: change, then the cell (a gate row has its kind there)
        return summary.lines().filter(line -> line.startsWith("| ") && line.split("\\|")[2].trim().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError(id + " in:\n" + summary));
    }

    @Test
    void aOnePercentGrowthUnderAFivePercentToleranceIsWithinToleranceEverywhere() {
        Element cells = cellRow(FF_D2);
        assertEquals("passed within tolerance", cells.selectFirst("td.outcome").text());
        assertEquals("1,010,000 B baseline 1,000,000 B, +10,000 B (+1.00 %)", cells.selectFirst("td.training").text());
        assertFalse(cells.hasClass("regressed"));
        assertTrue(cells.select(".regressed").isEmpty(), cells.outerHtml());

        Element compared = comparisonRow(FF_D2);
        assertEquals("within tolerance", compared.selectFirst("td.change").text());
        assertEquals("1,010,000 B+10,000 B (+1.00 %)", compared.selectFirst("td.training").text().replace(" +", "+"));
        assertTrue(compared.select(".regressed").isEmpty(), compared.outerHtml());

        assertTrue(report.select("table.gates:not(.passed) td").eachText().stream().noneMatch(t -> t.contains(FF_D2)),
                "no gate of the cell is listed as failed");
        assertTrue(report.select("details.passed-gates td").eachText().contains(FF_D2), "its gates passed (folded)");

        assertEquals("| within tolerance | " + FF_D2 + " | 1,010,000 B | +10,000 B (+1.00 %) | 505,000 B | +5,000 B (+1.00 %) |"
                + " 80.00 % | +0.00 pts; allowed: a drop of at most 1.00 points | 1,000 | +0.00 % (informational) |",
                summaryRow(FF_D2));

        Element gate = gateCase(FF_D2 + ": trainingPeakBytes");
        assertTrue(gate.select("failure, error, skipped").isEmpty(), gate.outerHtml());
        assertEquals("[baseline] " + FF_D2 + ": trainingPeakBytes is 1,010,000 B, baseline 1,000,000 B (+1.00 %); allowed: at"
                + " most +5.00 % over the baseline", gate.selectFirst("system-out").text());
        assertTrue(gateCase(FF_D2 + ": evaluationPeakBytes").select("failure").isEmpty());
    }

    @Test
    void anUnchangedFigureIsNeverRedNotEvenOnARegressedRow() {
        Element cells = cellRow(BP);
        assertEquals("passed regression", cells.selectFirst("td.outcome").text());
        assertTrue(cells.hasClass("regressed"));
        assertEquals(List.of("baseline 4,000,000 B, +400,000 B (+10.00 %)"), cells.select(".delta.regressed").eachText(),
                "only the training peak, which its gate failed");
        assertEquals("2,000,000 B baseline 2,000,000 B, 0 B (0.00 %)", cells.selectFirst("td.evaluation").text());

        Element compared = comparisonRow(BP);
        assertEquals("regression", compared.selectFirst("td.change").text());
        assertEquals(List.of("+400,000 B (+10.00 %)"), compared.select(".delta.regressed").eachText());

        Element unchanged = cellRow(FF_D4);
        assertEquals("passed unchanged", unchanged.selectFirst("td.outcome").text());
        assertTrue(unchanged.select(".regressed").isEmpty());
        assertEquals("1 unchanged cell", report.selectFirst("#comparison details.unchanged summary").text());

        // the whole page: red marks only on the regressed training peak and its row
        assertEquals(List.of("+400,000 B (+10.00 %)"), report.select("table.comparison .regressed").eachText());
        assertEquals(List.of(BP), report.select("table.cells tr.regressed td.id").eachText());

        assertEquals("| **regression** | " + BP + " | 4,400,000 B | **+400,000 B (+10.00 %)** | 2,000,000 B | 0 B (0.00 %) |"
                + " 90.00 % | +0.00 pts; allowed: a drop of at most 1.00 points | 2,000 | +0.00 % (informational) |",
                summaryRow(BP));
        assertEquals("| unchanged | " + FF_D4 + " | 3,000,000 B | 0 B (0.00 %) | 1,500,000 B | 0 B (0.00 %) |"
                + " 70.00 % | +0.00 pts; allowed: a drop of at most 1.00 points | 900 | +0.00 % (informational) |",
                summaryRow(FF_D4));

        // the JUnit XML: one failure, the regressed training peak; its row's unchanged evaluation peak passes
        assertEquals("1", junit.selectFirst("testsuite").attr("failures"));
        assertEquals(List.of(BP + ": trainingPeakBytes"), junit.select("testcase:has(failure)").eachAttr("name"));
        assertTrue(gateCase(BP + ": evaluationPeakBytes").select("failure").isEmpty());
        assertTrue(gateCase(FF_D4 + ": trainingPeakBytes").select("failure").isEmpty());
    }
}
