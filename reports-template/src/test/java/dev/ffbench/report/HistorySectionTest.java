package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.RunEnvironment;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.output.History;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs appended with Harness.history, then drawn by the report: points per cell, rings, and a page that stays offline. */
class HistorySectionTest {
    static final RunEnvironment ELSEWHERE = new RunEnvironment("17.0.9", "OpenJDK 64-Bit Server VM 17.0.9", "Linux 6.1 amd64",
            "1.0.0-M2.1", "CPU", "OPENBLAS", "SkylakeX", "Intel Xeon @ 3.0GHz", 2, 1);

    @TempDir
    Path project;

    /** ff-base at depth 2 with two seeds, backprop with one; the training peak grows by {@code growth} bytes per run. */
    static ResultsDocument run(String generatedAt, long growth, RunEnvironment environment) {
        List<CellRecord> cells = List.of(
                Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 2_000_000 + growth, 0.50, 1000),
                Fixtures.passed(1, Fixtures.spec("ff-base", 2, 64, 2), 2_000_000 + growth, 0.70, 1000),
                Fixtures.passed(2, Fixtures.spec("backprop", 2, 64, 1), 4_000_000 + growth, 0.80, 2000));
        return ResultsDocument.results(generatedAt, 3, List.of(), cells.stream().map(c -> environment == Fixtures.ENV ? c
                : new CellRecord(c.index(), c.id(), c.spec(), c.status(), withEnvironment(c.result(), environment), null, null,
                        c.wallSeconds())).toList());
    }

    static ExperimentResult withEnvironment(ExperimentResult r, RunEnvironment environment) {
        return new ExperimentResult(r.schemaVersion(), r.spec(), r.dataset(), r.trainAccuracy(), r.testAccuracy(), r.losses(), r.memory(),
                r.trainSeconds(), r.evalSeconds(), r.samplesPerSecond(), r.curve(), r.secondsToAccuracy(), r.evaluation(),
                environment, null, null);
    }

    void record(ResultsDocument results) throws IOException {
        Path file = project.resolve("target/ff-benchmark/results.json");
        ResultsFiles.write(file, results);
        Harness.history(new Harness.HistoryRequest(List.of(file), project.resolve("ff-history"), project), HarnessLog.STDERR);
    }

    String render(ResultsDocument results) {
        GateConfig config = GateParameters.defaults().parse(dev.ffbench.matrix.KnownNames.of(dev.ffbench.experiment.Extensions.engine()));
        History history = History.read(project.resolve("ff-history"), new ProjectPaths(project));
        return new BenchmarkReport().render(Inputs.of(results, GateReport.none("no gates"), null, null, null, history,
                config.gatedMetrics(), null));
    }

    @Test
    void threeAppendedRunsGiveThreePointsPerCellAndTheRunFromAnotherEnvironmentIsMarked() throws IOException {
        ResultsDocument third = run("2026-11-03T10:00:00Z", 200_000, Fixtures.ENV);
        record(run("2026-11-01T10:00:00Z", 0, Fixtures.ENV));
        record(run("2026-11-02T10:00:00Z", 100_000, ELSEWHERE));
        record(third);

        String html = render(third);
        Document doc = Jsoup.parse(html);
        Element section = doc.selectFirst("section#history");
        assertTrue(section.selectFirst("p.intro").text().startsWith("3 recorded runs in ff-history."), "the third run is"
                + " recorded, so it is not drawn twice: " + section.selectFirst("p.intro").text());
        assertEquals(List.of("ff-base-symba-d2-w64", "backprop-d2-w64"), section.select("div.group").eachAttr("data-group"),
                "one group per cell id without its seed");
        assertEquals(List.of("ff-base-symba-d2-w64 (seeds 1, 2)", "backprop-d2-w64 (seed 1)"),
                section.select("div.group h3").eachText());
        for (Element group : section.select("div.group")) {
            assertEquals(List.of("training peak", "evaluation peak", "test accuracy"), group.select("svg.trend").eachAttr("data-title"),
                    "each gated metric (no speed gate: samples/s is not drawn)");
            for (Element chart : group.select("svg.trend")) {
                assertEquals(3, chart.select("g.series[data-series=runs] g.point").size(), "three points per cell: " + chart.id());
                Element ring = chart.selectFirst("g.series[data-series=another environment] g.point");
                assertEquals(1, chart.select("g.series[data-series=another environment] g.point").size());
                assertEquals(chart.select("g.series[data-series=runs] g.point").get(1).attr("data-x"), ring.attr("data-x"),
                        "the ring is on run 2");
            }
        }
        Element training = doc.getElementById("trend-1-trainingPeakBytes");
        List<Element> points = training.select("g.series[data-series=runs] g.point");
        assertEquals("run 1, 2026-11-01T10:00:00Z, no commit: 4.00 MB (4,000,000 B); gates unknown",
                points.get(0).selectFirst("title").text());
        assertEquals("run 2, 2026-11-02T10:00:00Z, no commit: 4.10 MB (4,100,000 B); measured in another environment than"
                + " the newest run; gates unknown", points.get(1).selectFirst("title").text(), "memory to the byte");
        assertTrue(Double.parseDouble(points.get(2).attr("data-y")) < Double.parseDouble(points.get(0).attr("data-y")),
                "growth goes up");
        Element accuracy = doc.getElementById("trend-0-testAccuracy");
        Element first = accuracy.selectFirst("g.series[data-series=runs] g.point");
        assertFalse(first.select("path.whisker").isEmpty(), "whiskers over the two seeds");
        assertEquals("run 1, 2026-11-01T10:00:00Z, no commit: 60.00 % (mean of 2 seeds, 50.00 % to 70.00 %); gates unknown",
                first.selectFirst("title").text());
        assertTrue(doc.getElementById("trend-1-testAccuracy").select("path.whisker").isEmpty(), "one seed, no whisker");

        List<Element> runs = section.select("table.runs tbody tr");
        assertEquals(3, runs.size());
        assertTrue(runs.get(1).hasClass("differs") && !runs.get(0).hasClass("differs") && !runs.get(2).hasClass("differs"));
        assertEquals("OPENBLAS_CORETYPE Haswell (newest run) vs SkylakeX (run 2); cpu Test CPU @ 2.0GHz (newest run) vs"
                + " Intel Xeon @ 3.0GHz (run 2)", runs.get(1).selectFirst("td.environment").text());
        assertEquals(List.of("1", "2026-11-01T10:00:00Z", "no commit", "3 of 3 passed", "as the newest run", "unknown",
                "20261101T100000Z-nocommit.json"), runs.get(0).select("td").eachText());
        assertEquals(1, doc.select("nav a[href=#history]").size());

        assertSelfContained(html, doc);
    }

    @Test
    void anUnrecordedRunIsDrawnLastAndWithoutHistoryThereIsNoSection() throws IOException {
        assertNull(Jsoup.parse(render(run("2026-11-01T10:00:00Z", 0, Fixtures.ENV))).selectFirst("section#history"),
                "nothing recorded yet: no trends");
        record(run("2026-11-01T10:00:00Z", 0, Fixtures.ENV));
        record(run("2026-11-02T10:00:00Z", 0, Fixtures.ENV));

        Document doc = Jsoup.parse(render(run("2026-11-04T10:00:00Z", 50_000, ELSEWHERE)));
        Element section = doc.selectFirst("section#history");
        assertTrue(section.selectFirst("p.intro").text().startsWith("2 recorded runs in ff-history, then this run (not recorded"
                + " yet; mvn ff:history records it)."), section.selectFirst("p.intro").text());
        assertEquals(3, doc.getElementById("trend-0-trainingPeakBytes").select("g.series[data-series=runs] g.point").size());
        List<Element> runs = section.select("table.runs tbody tr");
        assertEquals(List.of("3", "2026-11-04T10:00:00Z", "(this build)", "3 of 3 passed", "as the newest run", "unknown",
                "this run (not recorded)"), runs.get(2).select("td").eachText(), "GateReport.none judged no gate: unknown");
        assertTrue(runs.get(0).hasClass("differs") && runs.get(1).hasClass("differs"), "the newest run is this one, measured"
                + " elsewhere: the recorded runs differ from it");
        assertEquals(2, doc.getElementById("trend-0-trainingPeakBytes")
                .select("g.series[data-series=another environment] g.point").size());
    }

    /** Records {@code results} with the verdict ff:benchmark writes beside them ({@code violations} failed gates). */
    void record(ResultsDocument results, int violations) throws IOException {
        java.nio.file.Files.createDirectories(project.resolve("target/ff-benchmark"));
        java.nio.file.Files.writeString(project.resolve("target/ff-benchmark/gates.json"), "{\"kind\": \"gates\","
                + " \"generatedAt\": \"" + results.generatedAt() + "\", \"gates\": {\"verdict\": \""
                + (violations == 0 ? "passed" : "failed") + "\", \"violations\": " + violations + "}}");
        record(results);
    }

    @Test
    void runsWhoseGatesFailedAreCrossedAndTheYAxisSpansTheValuesNotZero() throws IOException {
        record(run("2026-11-01T10:00:00Z", 0, Fixtures.ENV), 0);
        record(run("2026-11-02T10:00:00Z", 92_000, Fixtures.ENV), 2);
        record(run("2026-11-03T10:00:00Z", 0, Fixtures.ENV)); // recorded without a verdict
        GateConfig config = GateParameters.defaults().parse(dev.ffbench.matrix.KnownNames.of(dev.ffbench.experiment.Extensions.engine()));
        GateReport failing = new GateReport(List.of(new dev.ffbench.gate.GateOutcome(dev.ffbench.gate.GateKind.BASELINE,
                "backprop-d2-w64-s1", dev.ffbench.results.Metric.TRAINING_PEAK_BYTES, "at most +0.00 %", 4_092_000.0,
                4_000_000.0, dev.ffbench.gate.GateOutcome.Status.FAILED, "grew")), List.of());
        String html = new BenchmarkReport().render(Inputs.of(run("2026-11-04T10:00:00Z", 92_000, Fixtures.ENV), failing, null, null,
                null, History.read(project.resolve("ff-history"), new ProjectPaths(project)), config.gatedMetrics(), null));
        Document doc = Jsoup.parse(html);
        Element section = doc.selectFirst("section#history");

        assertEquals(List.of("passed", "failed (2 violations)", "unknown", "failed (1 violation)"),
                section.select("table.runs tbody td.gates").eachText());
        assertEquals(List.of(false, true, false, true), section.select("table.runs tbody tr").stream()
                .map(row -> row.hasClass("gates-failed")).toList());
        assertEquals("Marks: a red \u00d7 on a run whose gates failed (2 of 4 runs; 1 run has no recorded verdict), an"
                + " orange \u25c7 around a run measured in another environment than the newest.",
                section.selectFirst("p.legend").text());

        Element training = doc.getElementById("trend-1-trainingPeakBytes");
        org.jsoup.select.Elements points = training.select("g.series[data-series=runs] g.point");
        org.jsoup.select.Elements crosses = training.select("g.series[data-series=gates failed] g.point");
        assertEquals(List.of(points.get(1).attr("data-x"), points.get(3).attr("data-x")), crosses.eachAttr("data-x"),
                "runs 2 and 4 (this build) failed their gates");
        assertEquals(points.get(1).attr("data-y"), crosses.get(0).attr("data-y"));
        assertEquals("#CF222E", crosses.get(0).selectFirst("path.marker").attr("stroke"));
        assertEquals("none", crosses.get(0).selectFirst("path.marker").attr("fill"));
        assertTrue(points.get(1).selectFirst("title").text().endsWith("; gates failed (2 violations)"),
                points.get(1).selectFirst("title").text());
        assertTrue(points.get(2).selectFirst("title").text().endsWith("; gates unknown"));

        // backprop's training peak: 4,000,000 B and 4,092,000 B (+2.3 %), padded to 3.95..4.15 MB, not 0..5 MB
        assertEquals(List.of("3.95", "4.00", "4.05", "4.10", "4.15"), training.select("g.y-axis g.tick text").eachText());
        assertEquals(List.of("114.0", "58.8", "114.0", "58.8"), points.eachAttr("data-y"),
                "the +2.3 % step spans 55 of the plot's 120 pixels (from 0 it was 2)");
        assertSelfContained(html, doc);
    }

    /** No script, nothing fetched: no external URL, no src, only in-page links and in-page fill references. */
    static void assertSelfContained(String html, Document doc) {
        assertTrue(doc.select("script").isEmpty(), "no script element");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"), "no network reference");
        assertTrue(doc.select("[src]").isEmpty(), "nothing loaded from elsewhere");
        assertTrue(doc.select("[href]").stream().allMatch(e -> e.attr("href").startsWith("#")), "links stay in the page");
        assertFalse(html.replace("url(#", "").contains("url("), "no external CSS or SVG resource");
        assertFalse(html.contains("@import"));
        assertTrue(doc.select("*").stream().noneMatch(e -> e.attributes().asList().stream()
                .anyMatch(a -> a.getKey().toLowerCase().startsWith("on"))), "no event handler attributes");
    }
}
