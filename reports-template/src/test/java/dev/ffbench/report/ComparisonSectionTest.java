package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineTolerance;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.ResultsDocument;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The report's comparison with the baseline, read back with an HTML parser. */
class ComparisonSectionTest {
    static final String SOURCE = "ff-baseline.json at main (commit 1a2b3c4)";

    /** Unchanged (backprop d2), an improvement (ff-base d2), an accuracy drop within noise (ff-base d4, three seeds), a memory regression (backprop d4). */
    static ResultsDocument results() {
        return ResultsDocument.results("2026-11-30T10:00:00Z", 6, List.of(), List.of(
                Fixtures.passed(0, Fixtures.spec("backprop", 2, 64, 1), 4_000_000, 0.80, 2000),
                Fixtures.passed(1, Fixtures.spec("ff-base", 2, 64, 1), 1_800_000, 0.50, 1000),
                Fixtures.passed(2, Fixtures.spec("ff-base", 4, 64, 1), 3_000_000, 0.85, 900),
                Fixtures.passed(3, Fixtures.spec("ff-base", 4, 64, 2), 3_000_000, 0.86, 900),
                Fixtures.passed(4, Fixtures.spec("ff-base", 4, 64, 3), 3_000_000, 0.88, 900),
                Fixtures.passed(5, Fixtures.spec("backprop", 4, 64, 1), 8_000_000, 0.85, 1800)));
    }

    static ResultsDocument baseline() {
        List<CellRecord> cells = List.of(
                Fixtures.passed(0, Fixtures.spec("backprop", 2, 64, 1), 4_000_000, 0.80, 2000),
                Fixtures.passed(1, Fixtures.spec("ff-base", 2, 64, 1), 2_000_000, 0.50, 1000),
                Fixtures.passed(2, Fixtures.spec("ff-base", 4, 64, 1), 3_000_000, 0.90, 900),
                Fixtures.passed(3, Fixtures.spec("ff-base", 4, 64, 2), 3_000_000, 0.86, 900),
                Fixtures.passed(4, Fixtures.spec("ff-base", 4, 64, 3), 3_000_000, 0.88, 900),
                Fixtures.passed(5, Fixtures.spec("backprop", 4, 64, 1), 4_000_000, 0.85, 2000));
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "2026-11-01T00:00:00Z", 6,
                List.of(), EnvironmentFingerprint.of(Fixtures.ENV), cells);
    }

    static Document render(ResultsDocument results, ResultsDocument baseline) {
        GateConfig config = GateParameters.defaults().parse(dev.ffbench.matrix.KnownNames.of(dev.ffbench.experiment.Extensions.engine()));
        GateReport gates = GateEvaluator.evaluate(config, results, baseline, SOURCE);
        BaselineComparison comparison = baseline == null ? null
                : BaselineComparison.of(BaselineTolerance.DEFAULTS, results, baseline, SOURCE);
        return Jsoup.parse(new BenchmarkReport().render(Inputs.of(results, gates, baseline, SOURCE, comparison, null,
                config.gatedMetrics(), null)));
    }

    @Test
    void aPullRequestThatReRecordsTheBaselineShowsItsCellsUnderABannerAtTheTop() {
        // the pull request re-records its baseline from these results: backprop d4 grew 4,000,000 -> 8,000,000 B
        ResultsDocument own = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-11-30T10:00:00Z", 6, List.of(), EnvironmentFingerprint.of(Fixtures.ENV), results().cells());
        dev.ffbench.gate.BaselineRerecording rerecording = dev.ffbench.gate.BaselineRerecording.of(BaselineTolerance.DEFAULTS,
                baseline(), SOURCE, own, "ff-baseline.json");
        GateConfig config = GateParameters.defaults().parse(dev.ffbench.matrix.KnownNames.of(dev.ffbench.experiment.Extensions.engine()));
        String source = "ff-baseline.json as re-recorded by this pull request";
        GateReport gates = GateEvaluator.evaluate(config, results(), own, source);
        Document doc = Jsoup.parse(new BenchmarkReport().render(Inputs.of(results(), gates, own, source,
                BaselineComparison.of(BaselineTolerance.DEFAULTS, results(), own, source), null, config.gatedMetrics(),
                rerecording)));

        Element banner = doc.selectFirst("section#rerecorded");
        assertNotNull(banner);
        assertEquals(doc.selectFirst("div.status").nextElementSibling(), banner, "right under the verdict, before the nav");
        assertEquals("This pull request re-records the baseline: 3 cells changed", banner.selectFirst("h2").text());
        assertTrue(banner.selectFirst("p.intro").text().startsWith("ff-baseline.json differs from " + SOURCE + ", so the gates"
                + " judge against this pull request's file"), banner.selectFirst("p.intro").text());
        assertEquals(List.of("cell", "change", "trainingPeakBytes: old → new", "evaluationPeakBytes: old → new",
                "testAccuracy: old → new"), banner.select("thead th").eachText());
        assertEquals(List.of("ff-base-symba-d2-w64-s1", "ff-base-symba-d4-w64-s1", "backprop-d4-w64-s1"),
                banner.select("tbody tr").eachAttr("data-cell"));
        Element grown = banner.selectFirst("tbody tr[data-cell=backprop-d4-w64-s1]");
        assertEquals(List.of("backprop-d4-w64-s1", "re-recorded", "4,000,000 B → 8,000,000 B+4,000,000 B (+100.00 %)"),
                grown.select("td").eachText().subList(0, 3));
        Element training = grown.select("td").get(2);
        assertEquals(List.of("4,000,000 B", "8,000,000 B", "+4,000,000 B (+100.00 %)"),
                List.of(training.selectFirst("span.old").text(), training.selectFirst("span.new").text(),
                        training.selectFirst("span.delta").text()));
        assertTrue(training.hasClass("changed"));
        assertEquals("85.00 % → 85.00 %", grown.select("td").get(4).text(), "accuracy as it was: no delta");
        assertTrue(!grown.select("td").get(4).hasClass("changed"));
        assertTrue(gates.violations().isEmpty(), "judged against its own file, the intended regression passes");

        assertNull(render(results(), baseline()).selectFirst("section#rerecorded"), "no re-recording: no banner");
    }

    @Test
    void aRegressionThenAnAccuracyDropWithinNoiseThenAnImprovementWithTheirDeltas() {
        Document doc = render(results(), baseline());
        Element section = doc.selectFirst("section#comparison");
        assertNotNull(section);
        assertTrue(section.selectFirst("p.intro").text().startsWith("Baseline " + SOURCE + ", generated 2026-11-01T00:00:00Z:"
                + " 6 cells: 1 regression, 3 within tolerance, 1 improvement, 1 unchanged."), section.selectFirst("p.intro").text());

        Elements rows = section.select("table.changed tbody tr");
        assertEquals(List.of("regression", "within tolerance", "within tolerance", "within tolerance", "improvement"),
                rows.stream().map(r -> r.selectFirst("td.change").text()).toList());
        assertEquals(List.of("regression", "backprop-d4-w64-s1", "8,000,000 B", "+4,000,000 B (+100.00 %)", "4,000,000 B",
                "+2,000,000 B (+100.00 %)", "85.00 %", "+0.00 pts; allowed: a drop of at most 1.00 points", "1,800",
                "-10.00 % (informational)"), figures(rows.get(0)));
        assertTrue(rows.get(0).hasClass("change-regression"));
        assertEquals(List.of("+4,000,000 B (+100.00 %)", "+2,000,000 B (+100.00 %)"), rows.get(0).select(".delta.regressed").eachText(),
                "both peaks' gates fail; speed is informational");
        assertEquals(List.of("within tolerance", "ff-base-symba-d4-w64-s1", "3,000,000 B", "0 B (0.00 %)", "1,500,000 B",
                "0 B (0.00 %)", "85.00 %", "mean -1.67 pts over seeds 1, 2, 3; allowed: a drop of at most 3.91 points (1.00 +"
                        + " 2.91 for seed noise)", "900", "+0.00 % (informational)"), figures(rows.get(1)));
        assertTrue(rows.get(1).select(".regressed").isEmpty(), "within the allowance");
        assertEquals(List.of("improvement", "ff-base-symba-d2-w64-s1", "1,800,000 B", "-200,000 B (-10.00 %)", "900,000 B",
                "-100,000 B (-10.00 %)", "50.00 %", "+0.00 pts; allowed: a drop of at most 1.00 points", "1,000",
                "+0.00 % (informational)"), figures(rows.get(4)));

        Element folded = section.selectFirst("details.unchanged");
        assertEquals("1 unchanged cell", folded.selectFirst("summary").text());
        assertEquals(List.of("backprop-d2-w64-s1"), folded.select("tbody td.id").eachText());
        assertEquals(1, doc.select("nav a[href=#comparison]").size());
    }

    /** The change, the cell, then each figure and its delta. */
    static List<String> figures(Element row) {
        List<String> texts = new java.util.ArrayList<>(row.select("td.change, td.id").eachText());
        for (Element td : row.select("td.training, td.evaluation, td.accuracy, td.speed")) {
            texts.add(td.selectFirst("span.now").text());
            texts.add(td.selectFirst("span.delta").text());
        }
        return texts;
    }

    @Test
    void withoutABaselineThereIsNoComparisonSection() {
        Document doc = render(results(), null);
        assertNull(doc.selectFirst("section#comparison"));
        assertTrue(doc.select("nav a[href=#comparison]").isEmpty());
    }
}
