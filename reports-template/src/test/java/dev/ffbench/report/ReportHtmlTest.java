package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.gate.GateKind;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Renders fixture results and reads the page back with a real HTML parser. */
class ReportHtmlTest {
    static final String EVIL = "<script>alert('x')</script>";

    static ResultsDocument fixture() {
        ExperimentSpec evilSpec = dev.ffbench.experiment.SpecResolver.engine().resolve(java.util.Map.of(
                "algorithm", "ff-recurrent", "dataset", "data/" + EVIL, "depth", "2", "width", "64", "epochs", "2",
                "maxStepsPerEpoch", "0"));
        return ResultsDocument.results("2026-01-02T03:04:05Z", 7, List.of(), List.of(
                Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 2_000_000, 0.5, 1000),
                Fixtures.passed(1, Fixtures.spec("ff-base", 2, 64, 2), 2_000_000, 0.7, 1000),
                Fixtures.passed(2, Fixtures.spec("ff-base", 4, 64, 1), 3_000_000, 0.6, 900),
                Fixtures.passed(3, Fixtures.spec("ff-base", 4, 64, 2), 3_000_000, 0.6, 900),
                Fixtures.passed(4, Fixtures.spec("backprop", 2, 64, 1), 4_000_000, 0.8, 2000),
                Fixtures.passed(5, Fixtures.spec("backprop", 4, 64, 1), 8_000_000, 0.85, 1800),
                CellRecord.failed(new Cell(6, "ff-recurrent-" + EVIL, evilSpec), "the JVM exited with code 134: " + EVIL,
                        List.of("line one", "java.lang.OutOfMemoryError: " + EVIL), 1.5)));
    }

    static GateReport gates() {
        return new GateReport(List.of(
                new GateOutcome(GateKind.ABSOLUTE, "ff-base-symba-d2-w64-s1", Metric.TEST_ACCURACY, "at least 40.00 %",
                        0.5, null, GateOutcome.Status.PASSED, "[absolute] ok"),
                new GateOutcome(GateKind.RATIO, "rules[2]", Metric.TRAINING_PEAK_BYTES, "at most 0.5", null, null,
                        GateOutcome.Status.SKIPPED, "[ratio] nothing to compare"),
                new GateOutcome(GateKind.BASELINE, "backprop-d4-w64-s1", Metric.TRAINING_PEAK_BYTES,
                        "at most +0.00 % over the baseline", 8_000_000.0, 4_000_000.0, GateOutcome.Status.FAILED,
                        "[baseline] backprop-d4-w64-s1 grew")), List.of("a warning with " + EVIL));
    }

    static ResultsDocument baseline() {
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "2025-12-01T00:00:00Z", 6,
                List.of(), EnvironmentFingerprint.of(Fixtures.ENV), List.of(
                        Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 1_000_000, 0.5, 1000),
                        Fixtures.passed(4, Fixtures.spec("backprop", 2, 64, 1), 4_000_000, 0.8, 2000),
                        Fixtures.passed(5, Fixtures.spec("backprop", 4, 64, 1), 4_000_000, 0.9, 1800)));
    }

    static List<Double> numbers(List<String> values) {
        return values.stream().map(Double::valueOf).toList();
    }

    static Document render(ResultsDocument baseline) {
        return Jsoup.parse(new BenchmarkReport().render(Inputs.of(fixture(), gates(), baseline, "ff-baseline.json")));
    }

    @Test
    void memoryVsDepthHasOneLinePerAlgorithmAtTheExpectedCoordinates() {
        Document doc = render(null);
        Elements charts = doc.select("figure#memory-depth svg.chart");
        assertEquals(1, charts.size(), "one panel per width (only 64)");
        Element chart = charts.first();
        Elements series = chart.select("g.series");
        assertEquals(List.of("ff-base", "backprop"), series.eachAttr("data-series"), "failed ff-recurrent has no line");
        // plot: x from 62 to 406 (two categories at 148 and 320), y from 224 (0 B) up to 14 (8 MB, linear)
        assertEquals(List.of(148.0, 320.0), numbers(series.get(0).select("g.point").eachAttr("data-x")));
        assertEquals(List.of(171.5, 145.25), numbers(series.get(0).select("g.point").eachAttr("data-y")));
        assertEquals(List.of(119.0, 14.0), numbers(series.get(1).select("g.point").eachAttr("data-y")));
        assertEquals("M148,171.5L320,145.25", series.get(0).selectFirst("path.line").attr("d"));
        assertEquals("none", series.get(0).selectFirst("path.line").attr("stroke-dasharray"));
        assertTrue(series.get(0).selectFirst("g.point > title").text().contains("ff-base, depth 2, width 64: 2.00 MB (2,000,000 B)"));
        assertEquals(List.of("0", "2", "4", "6", "8"), chart.select("g.y-axis g.tick text").eachText());
        assertEquals(List.of("2", "4"), chart.select("g.x-axis g.tick text").eachText());
        assertEquals("training peak (MB)", chart.selectFirst("g.y-axis text.axis-label").text());
        assertEquals("depth (hidden layers)", chart.selectFirst("g.x-axis text.axis-label").text());
        // legend: colours differ and markers differ
        Elements legend = doc.select("figure#memory-depth svg.legend g.legend-entry");
        assertEquals(List.of("ff-base", "backprop"), legend.select("text").eachText());
    }

    @Test
    void accuracyShowsTheMeanOverSeedsWithMinMaxWhiskers() {
        Document doc = render(null);
        Element ffBase = doc.select("figure#accuracy-depth svg.chart g.series").first();
        Element d2 = ffBase.select("g.point").first();
        assertEquals(98.0, Double.parseDouble(d2.attr("data-y")), "mean 60 % of a 0-100 % axis from 224 to 14");
        assertEquals("M148,77V119M144,77h8M144,119h8", d2.selectFirst("path.whisker").attr("d"));
        assertTrue(d2.selectFirst("title").text().contains("mean of 2 seeds, 50.00 % to 70.00 %"));
        assertEquals("test accuracy (%)", doc.selectFirst("figure#accuracy-depth text.axis-label").text());
        assertEquals(7, doc.select("figure.figure").size(), "memory x2, accuracy x2, accuracy vs seconds, speed, time");
        assertTrue(doc.select("figure#memory-width svg").isEmpty(), "one width: each panel's markers would stack in a column");
        assertEquals("Not drawn: every cell here has width 64, so there is no line over width; the chart over depth shows"
                + " these cells. The cell table has each cell's figure.", doc.selectFirst("figure#memory-width p.left-out").text());
    }

    @Test
    void theBaselineIsDrawnDashedBesideTheRunWithDeltasInTheTable() {
        Document doc = render(baseline());
        Element chart = doc.selectFirst("figure#memory-depth svg.chart");
        Elements series = chart.select("g.series");
        assertEquals(List.of("ff-base (baseline)", "backprop (baseline)", "ff-base", "backprop"), series.eachAttr("data-series"),
                "the baseline is drawn first, under the run");
        assertEquals("6 4", series.get(0).selectFirst("path.line").attr("stroke-dasharray"));
        assertEquals("#ffffff", series.get(0).selectFirst("path.marker").attr("fill"), "hollow baseline markers");
        assertEquals(series.get(0).selectFirst("path.line").attr("stroke"), series.get(2).selectFirst("path.line").attr("stroke"));
        assertEquals(List.of(171.5, 145.25), numbers(series.get(2).select("g.point").eachAttr("data-y")), "the run as before");
        assertEquals(List.of(197.75), numbers(series.get(0).select("g.point").eachAttr("data-y")), "baseline 1 MB");
        Element row = doc.select("table.cells tbody tr").stream()
                .filter(r -> r.child(0).text().equals("ff-base-symba-d2-w64-s1")).findFirst().orElseThrow();
        assertEquals(List.of("ff-base-symba-d2-w64-s1", "passed", "50.00 % baseline 50.00 %, +0.00 pts",
                "2,000,000 B baseline 1,000,000 B, +1,000,000 B (+100.00 %)",
                "1,000,000 B baseline 500,000 B, +500,000 B (+100.00 %)", "1,000", "2.50"), row.select("td").eachText(),
                "no comparison handed over (a site page): no change under the status");
        assertFalse(row.hasClass("regressed"), "without the gates' comparison the report judges nothing");
        assertTrue(row.select(".regressed").isEmpty());
        assertTrue(doc.selectFirst(".status").text().contains("Baseline ff-baseline.json: 3 cells"));
    }

    @Test
    void gatesListFailuresFirstWithCellMetricBoundValueAndBaseline() {
        Document doc = render(null);
        Elements rows = doc.select("table.gates:not(.passed) tbody tr");
        assertEquals(2, rows.size(), "the failed and the skipped gate; the passed one folded");
        assertEquals(List.of("failed", "baseline", "backprop-d4-w64-s1", "trainingPeakBytes",
                "at most +0.00 % over the baseline", "8,000,000 B", "baseline 4,000,000 B", "[baseline] backprop-d4-w64-s1 grew"),
                rows.get(0).select("td").eachText());
        assertTrue(rows.get(0).hasClass("failed"));
        assertEquals("skipped", rows.get(1).child(0).text());
        Element folded = doc.selectFirst("#gates details.passed-gates");
        assertEquals("1 passed gate", folded.selectFirst("summary").text());
        assertEquals(List.of("passed"), folded.select("tbody tr > td:first-child").eachText());
        assertTrue(doc.selectFirst(".status").hasClass("bad"));
    }

    @Test
    void userTextIsEscapedEverywhere() {
        String html = new BenchmarkReport().render(Inputs.of(fixture(), gates(), baseline(), EVIL));
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script").isEmpty(), "no script element may reach the page");
        assertFalse(html.contains(EVIL));
        Element failed = doc.selectFirst("#failed .failed-cell");
        assertEquals("ff-recurrent-" + EVIL + ": the JVM exited with code 134: " + EVIL + " (1.5 s)", failed.selectFirst("h3").text());
        assertEquals("line one\njava.lang.OutOfMemoryError: " + EVIL, failed.selectFirst("pre").wholeText());
        assertTrue(doc.select("table.matrix td").eachText().contains("data/" + EVIL + " | mnist-sample")
                || doc.select("table.matrix td").eachText().stream().anyMatch(t -> t.contains("data/" + EVIL)));
        assertTrue(doc.select(".status .warn").text().contains(EVIL));
    }

    @Test
    void theFairnessNoteComesFromTheConfigs() {
        Document doc = render(null);
        List<String> items = doc.select("#fairness li").eachText();
        assertTrue(items.contains("dtype: float32 on every cell (the engine computes in float32 only)"), items.toString());
        assertTrue(items.contains("rows per step: FF: 512 (2 x 256: 256 positives + 256 negatives); backprop: 256 images"), items.toString());
        // each side is what its algorithm declared (traits recorded in the results), never guessed by name
        assertTrue(items.contains("optimizer: FF: adam (learning rate 0.003); backprop: adam (learning rate 0.001)"), items.toString());
        assertTrue(items.contains("normalization: FF: length normalization; backprop: length normalization"), items.toString());
        assertTrue(items.contains("finished FF layers keep: ff-base: weights only (their gradients and optimizer state are"
                + " freed once the layer is trained)"), items.toString());
        // the only ff-recurrent cell failed: its side is not known, and the note says so instead of guessing
        assertTrue(items.contains("side not known: ff-recurrent: no cell passed, so no cell recorded whether it is a"
                + " candidate or a reference; its failed cells are left out of this note"), items.toString());
        assertEquals(List.of("side not known"), doc.select("#fairness li.unequal strong").eachText());
        // layerwise FF runs the epochs once per layer: the note says how many phases of how many epochs
        assertTrue(items.contains("training phases: ff-base: 1 phase (layer 1), 2 epochs | backprop: 1 phase (layer 1), 2 epochs"),
                items.toString());
        assertTrue(items.contains("options: ff-base: alpha=16.0, coolDownFraction=0.5, finishedLayerKeeps=weights, goodness=symba,"
                + " labelMode=overlay, learningRateSchedule=cooldown, negatives=uniform, peerNormalization=0.003,"
                + " readout=softmax-all, schedule=layerwise, weightDecay=0.0 | backprop: normalize=true | ff-recurrent:"
                + " coolDownFraction=0.5, damping=0.3, goodness=symba, iterations=8, learningRateSchedule=cooldown,"
                + " negatives=uniform, peerNormalization=0.03, scoreFrom=3, scoreTo=5"), items.toString());
    }

    /** An algorithm that declares no traits is shown as such, on the candidates' side. */
    @Test
    void anAlgorithmThatDeclaresNothingIsNamedNotGuessed() {
        ExperimentSpec mine = dev.ffbench.experiment.SpecResolver.engine().resolve(java.util.Map.of("algorithm", "ff-base",
                "depth", "2", "width", "64", "epochs", "2", "batchSize", "256"));
        CellRecord passed = Fixtures.passed(0, mine, 1_000_000, 0.9, 1000);
        dev.ffbench.experiment.ExperimentResult r = passed.result();
        CellRecord undeclared = CellRecord.passed(new Cell(0, "mine", mine), new dev.ffbench.experiment.ExperimentResult(
                r.schemaVersion(), r.spec(), r.dataset(), r.trainAccuracy(), r.testAccuracy(), r.losses(), r.memory(),
                r.trainSeconds(), r.evalSeconds(), r.samplesPerSecond(), r.curve(), r.secondsToAccuracy(), r.evaluation(),
                r.environment(), dev.ffbench.api.AlgorithmTraits.undeclared(), null), 3.0);
        List<ReportModel.Fairness> note = ReportModel.fairness(List.of(undeclared,
                Fixtures.passed(1, dev.ffbench.experiment.SpecResolver.engine().resolve(java.util.Map.of("algorithm", "backprop",
                        "depth", "2", "width", "64", "epochs", "2", "batchSize", "256")), 1_000_000, 0.9, 1000)));
        ReportModel.Fairness normalization = note.stream().filter(f -> f.aspect().equals("normalization")).findFirst().orElseThrow();
        assertEquals("FF: not declared by ff-base; backprop: length normalization (differs between the sides)", normalization.text());
        assertFalse(normalization.equal());
    }

    @Test
    void environmentAndMatrixAreShown() {
        Document doc = render(baseline());
        List<String> env = doc.select("table.environment tr").eachText();
        assertTrue(env.contains("CPU Test CPU @ 2.0GHz Test CPU @ 2.0GHz"), env.toString());
        assertTrue(env.contains("OPENBLAS_CORETYPE Haswell Haswell"), env.toString());
        List<String> matrix = doc.select("table.matrix tr").eachText();
        assertTrue(matrix.contains("cells 7 of a 7-cell matrix"), matrix.toString());
        assertTrue(matrix.contains("depths 2, 4"), matrix.toString());
        assertTrue(matrix.contains("algorithms ff-base, ff-recurrent, backprop"), matrix.toString());
    }

    @Test
    void breakdownStacksFourPartsForTrainingAndEvaluation() {
        Document doc = render(null);
        Elements rows = doc.select("#breakdown g.row");
        assertEquals(6, rows.size(), "one row per passed cell");
        Element first = rows.first();
        assertEquals(List.of("training", "evaluation"), first.select("g.bar").eachAttr("data-peak"));
        assertEquals(4, first.select("g.bar[data-peak=training] rect.segment").size());
        assertEquals(2, first.select("g.bar[data-peak=evaluation] rect.segment").size(), "no gradients or optimizer state in evaluation");
        assertTrue(first.selectFirst("rect.segment title").text().contains("parameters 0.20 MB (200,000 B), 10.0 % of 2.00 MB"));
        assertEquals(4, doc.select("#breakdown g.legend-entry").size());
    }

    /**
     * Jenkins serves archived HTML with a Content-Security-Policy that blocks the inline stylesheet:
     * every chart element must carry its own presentation as SVG attributes (see CspReportTest for
     * the rendering in a browser).
     */
    @Test
    void everyChartElementCarriesItsPresentationWithoutTheStylesheet() {
        Document doc = Jsoup.parse(new BenchmarkReport().render(Inputs.of(CspReportTest.bendingLines(), gates(), baseline(),
                "ff-baseline.json")));
        Elements lineCharts = doc.select("svg.chart:not(.breakdown), svg.legend");
        assertEquals(5 + 7, lineCharts.size(), "five legends; panels: memory and accuracy by depth (one width), accuracy"
                + " vs seconds (three shapes), speed and time; by width (one width) left out");
        Elements strokes = lineCharts.select("path:not(.marker), polyline");
        assertEquals(lineCharts.select("path.line").size() + lineCharts.select("path.axis").size()
                + lineCharts.select("path.whisker").size() + lineCharts.select("path.sample").size(), strokes.size(),
                "every path of a line chart is a line, an axis, a whisker, a legend sample or a marker");
        assertTrue(lineCharts.select("path.line").size() >= 22, "run and baseline series in every panel");
        for (Element stroke : strokes) {
            assertEquals("none", stroke.attr("fill"), stroke.outerHtml());
            assertFalse(stroke.attr("stroke").isBlank(), stroke.outerHtml());
            assertFalse(stroke.attr("stroke-width").isBlank(), stroke.outerHtml());
        }
        for (Element line : doc.select("svg.chart path.line, svg.legend path.sample")) {
            assertTrue(line.attr("stroke").matches("#[0-9A-Fa-f]{6}"), line.outerHtml());
            assertEquals("2", line.attr("stroke-width"), line.outerHtml());
            assertTrue(line.attr("stroke-dasharray").equals("none") || line.attr("stroke-dasharray").equals("6 4"),
                    line.outerHtml());
        }
        for (Element marker : lineCharts.select("path.marker")) {
            assertTrue(marker.attr("fill").matches("#[0-9A-Fa-f]{6}"), marker.outerHtml());
            Element owner = marker.closest("g.series, g.legend-entry");
            assertEquals(owner.selectFirst("path.line, path.sample").attr("stroke"), marker.attr("stroke"),
                    "a marker is outlined in its line's colour");
            assertEquals("1.5", marker.attr("stroke-width"), marker.outerHtml());
        }
        assertEquals(List.of("#ffffff"), doc.select("g.series[data-series$=(baseline)] path.marker").eachAttr("fill")
                .stream().distinct().toList(), "hollow baseline markers");
        for (Element line : doc.select("svg line")) {
            assertFalse(line.attr("stroke").isBlank(), line.outerHtml());
            assertFalse(line.attr("stroke-width").isBlank(), line.outerHtml());
        }
        for (Element rect : doc.select("svg rect")) {
            assertFalse(rect.attr("fill").isBlank(), rect.outerHtml());
        }
        for (Element text : doc.select("svg text")) {
            assertFalse(text.attr("font-size").isBlank(), text.outerHtml());
            assertEquals("#1f2328", text.attr("fill"), text.outerHtml());
        }
        for (Element svg : doc.select("svg.chart, svg.legend")) {
            assertTrue(svg.attr("font-family").endsWith("sans-serif"), svg.attr("font-family"));
        }
        // the breakdown's pattern fills live in its own SVG, so the page needs no hidden, styled SVG for them
        for (String fill : BreakdownChart.FILLS) {
            String id = fill.substring("url(#".length(), fill.length() - 1);
            assertEquals(1, doc.select("svg.breakdown defs pattern#" + id).size(), id);
        }
        assertTrue(doc.select("[style]").isEmpty(), "no style attribute (a CSP blocks them too): " + doc.select("[style]"));
        String stylesheet = doc.select("head style").html();
        for (String property : List.of("fill:", "stroke:", "stroke-width:", "svg text", "svg .")) {
            assertFalse(stylesheet.contains(property), "the stylesheet styles no SVG element: " + property);
        }
    }

    /**
     * Accuracy from training capped at a few steps per epoch is not drawn as if it were the algorithm's:
     * the accuracy charts leave such cells out and say so, and the cell table marks their accuracy.
     */
    @Test
    void accuracyFromCappedTrainingIsLeftOutOfTheChartsAndMarkedInTheTable() {
        ExperimentSpec capped = dev.ffbench.experiment.SpecResolver.engine().resolve(java.util.Map.of("algorithm", "backprop",
                "depth", "2", "width", "64", "epochs", "2", "seed", "1", "maxStepsPerEpoch", "10"));
        ResultsDocument results = ResultsDocument.results("2026-01-02T03:04:05Z", 2, List.of(), List.of(
                Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 2_000_000, 0.9, 1000),
                Fixtures.passed(1, capped, 4_000_000, 0.3, 2000),
                Fixtures.passed(2, Fixtures.spec("ff-base", 4, 64, 1), 3_000_000, 0.8, 900)));
        Document doc = Jsoup.parse(new BenchmarkReport().render(Inputs.of(results, gates(), null, null)));

        assertEquals(List.of("ff-base"), doc.select("figure#accuracy-depth svg.chart g.series").eachAttr("data-series"));
        assertEquals(List.of("ff-base", "backprop"), doc.select("figure#memory-depth svg.chart g.series").eachAttr("data-series"),
                "its memory figures are exact whatever the steps: still drawn");
        assertTrue(doc.selectFirst("figure#accuracy-depth figcaption").text().endsWith("Not drawn: 1 of the 3 cells, capped"
                + " (in the cell table): trained on a capped number of steps per epoch (maxStepsPerEpoch) for its memory"
                + " figures, which do not depend on it; that accuracy and speed are not a trained net's."));
        assertEquals("capped: trained on a capped number of steps per epoch (maxStepsPerEpoch) for its memory figures,"
                + " which do not depend on it; that accuracy and speed are not a trained net's.",
                doc.selectFirst("#cells p.capped-legend").text(), "the summary's and the log's wording");
        assertEquals(List.of("ff-base"), doc.select("figure#speed-depth svg.chart g.series").eachAttr("data-series"),
                "a capped run's speed is mostly warm-up: not drawn either");
        assertEquals(List.of("ff-base"), doc.select("figure#time-depth svg.chart g.series").eachAttr("data-series"));
        Element row = doc.select("table.cells tbody tr").get(1);
        assertEquals("30.00 % training capped at 10 steps per epoch", row.select("td").get(2).text());
    }

    /** A passed ff-base d2-w64 cell whose curve reaches {@code first} after 4 s and {@code last} after 8 s. */
    private static dev.ffbench.results.CellRecord curved(double first, double last) {
        return withCurve(last, List.of(new dev.ffbench.experiment.CurvePoint(1, 4.0, first),
                new dev.ffbench.experiment.CurvePoint(2, 8.0, last)));
    }

    /** A passed ff-base d2-w64 cell of test accuracy {@code accuracy} with {@code curve} (null: none recorded). */
    private static dev.ffbench.results.CellRecord withCurve(double accuracy, List<dev.ffbench.experiment.CurvePoint> curve) {
        ExperimentSpec spec = Fixtures.spec("ff-base", 2, 64, 1);
        dev.ffbench.results.CellRecord cell = Fixtures.passed(0, spec, 2_000_000, accuracy, 1000);
        dev.ffbench.experiment.ExperimentResult r = cell.result();
        dev.ffbench.experiment.ExperimentResult curved = new dev.ffbench.experiment.ExperimentResult(r.schemaVersion(),
                r.spec(), r.dataset(), r.trainAccuracy(), r.testAccuracy(), r.losses(), r.memory(), 8.0, r.evalSeconds(),
                r.samplesPerSecond(), curve, null, r.evaluation(), r.environment(), null, null);
        return dev.ffbench.results.CellRecord.passed(new dev.ffbench.matrix.Cell(0, cell.id(), spec), curved, 3.0);
    }

    @Test
    void theBaselinesAccuracyCurveIsDrawnDashedUnderTheRuns() {
        ResultsDocument results = ResultsDocument.results("2026-01-02T03:04:05Z", 1, List.of(), List.of(curved(0.6, 0.9)));
        ResultsDocument baseline = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-01-01T03:04:05Z", 1, List.of(), EnvironmentFingerprint.of(Fixtures.ENV), List.of(curved(0.5, 0.8)));
        Document doc = Jsoup.parse(new BenchmarkReport().render(Inputs.of(results, gates(), baseline, "ff-baseline.json")));

        org.jsoup.select.Elements series = doc.select("figure#accuracy-time svg#curves-d2-w64 g.series");
        assertEquals(List.of("ff-base (baseline)", "ff-base"), series.eachAttr("data-series"), "the baseline first, under the run");
        assertEquals(List.of("ff-base (baseline) (seed 1), epoch 1: 50.00 % after 4.00 s of training",
                "ff-base (baseline) (seed 1), epoch 2: 80.00 % after 8.00 s of training"),
                series.get(0).select("g.point > title").eachText());
        assertEquals("#ffffff", series.get(0).selectFirst("path.marker").attr("fill"), "hollow baseline markers");

        // a baseline without curves (recorded before results had them, or by hand) draws none, and renders
        ResultsDocument curveless = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-01-01T03:04:05Z", 1, List.of(), EnvironmentFingerprint.of(Fixtures.ENV), List.of(withCurve(0.8, null)));
        Document without = Jsoup.parse(new BenchmarkReport().render(Inputs.of(results, gates(), curveless, "ff-baseline.json")));
        assertEquals(List.of("ff-base"), without.select("figure#accuracy-time svg#curves-d2-w64 g.series").eachAttr("data-series"));
    }

    @Test
    void theAccuracyCurveIsDrawnAgainstTrainingSeconds() {
        ResultsDocument results = ResultsDocument.results("2026-01-02T03:04:05Z", 1, List.of(), List.of(curved(0.6, 0.9)));
        Document doc = Jsoup.parse(new BenchmarkReport().render(Inputs.of(results, gates(), null, null)));

        Element series = doc.selectFirst("figure#accuracy-time svg#curves-d2-w64 g.series");
        List<String> titles = series.select("g.point > title").eachText();
        assertEquals(List.of("ff-base (seed 1), epoch 1: 60.00 % after 4.00 s of training",
                "ff-base (seed 1), epoch 2: 90.00 % after 8.00 s of training"), titles);
        // x from 0 to 8 s (ticks of 2 s) over 62..406 px, y from 0 to 100 % over 224..14 px
        assertEquals(List.of("234.0", "406.0"), series.select("g.point").eachAttr("data-x"));
        assertEquals(List.of("98.0", "35.0"), series.select("g.point").eachAttr("data-y"));
        assertEquals("training seconds (evaluations excluded)", doc.select("figure#accuracy-time text.axis-label").get(1).text());
    }
}
