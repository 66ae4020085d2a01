package dev.ffbench.report;

import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.RunEnvironment;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.GateKind;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.report.ChartView.Legend;
import dev.ffbench.report.LineChart.Datum;
import dev.ffbench.report.LineChart.Series;
import dev.ffbench.report.LineChart.Style;
import dev.ffbench.results.CappedTraining;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Everything the report template shows, computed here: texts already formatted, chart geometry
 * already laid out. The template only places values (Thymeleaf escapes every one of them).
 */
public record ReportModel(
        String title,
        boolean ok,
        List<String> summary,
        List<String> warnings,
        String baselineNote,
        boolean hasBaseline,
        List<Fairness> fairness,
        List<Figure> figures,
        BreakdownChart.View breakdown,
        List<CellRow> cells,
        String cappedLegend,
        List<GateRow> gates,
        List<GateRow> passedGates,
        List<FailedCell> failedCells,
        List<EnvRow> environment,
        List<EnvRow> matrix) {

    /** One line of the fairness note; {@code equal} false marks a difference between the sides. */
    public record Fairness(String aspect, String text, boolean equal) {}

    /**
     * A set of panels sharing one legend; {@code leftOut} says why no panel is drawn (e.g. every cell has
     * the same depth, so a chart over depth would stack its markers in one column), empty when drawn.
     */
    public record Figure(String id, String title, String caption, Legend legend, List<ChartView> panels, String leftOut) {}

    /**
     * A figure's baseline value and its change, as the gates' {@link BaselineComparison} has them; both
     * empty without a baseline cell. {@code regressed} is the gate's word: the figure changed and its
     * gate fails; the report never marks a figure on its own.
     */
    public record Delta(String baseline, String change, boolean regressed) {
        static final Delta NONE = new Delta("", "", false);

        /** "baseline 1,000,000 B, +10,000 B (+1.00 %)", or "" without a baseline. */
        public String text() {
            return baseline.isEmpty() ? "" : "baseline " + baseline + ", " + change;
        }
    }

    public record GateRow(String status, String kind, String cell, String metric, String bound, String value,
            String comparedWith, String detail, boolean failed) {}

    public record FailedCell(String id, String reason, String wall, String logTail) {}

    public record EnvRow(String name, String value, String baseline, boolean differs) {}

    static final List<String> COLORS = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000");
    static final List<String> MARKERS = List.of("circle", "square", "triangle", "diamond", "cross");
    static final String BASELINE_DASH = "6 4";
    /** The built-in algorithms in the order of their fixed styles; a project's own algorithms follow. */
    static final List<String> BUILT_IN_ORDER = List.of("ff-base", "ff-recurrent", "backprop");

    /**
     * @param baseline the baseline document, or null
     * @param baselineSource where it came from (for the note), or null
     * @param comparison the gates' comparison with the baseline, or null: the cell table takes each cell's
     *     change and every red mark from it, so it says what the Comparison section and summary.md say
     */
    public static ReportModel of(ResultsDocument results, GateReport gates, ResultsDocument baseline, String baselineSource,
            BaselineComparison comparison) {
        List<CellRecord> passed = results.passedCells();
        List<CellRecord> basePassed = baseline == null ? List.of() : baseline.passedCells();
        // series carry the goodness function only when one algorithm ran with several (FF Base with
        // sum-squares beside FF Recurrent with symba are two series already)
        boolean multiGoodness = results.cells().stream().filter(c -> c.spec().goodness() != null)
                .collect(Collectors.groupingBy(c -> c.spec().algorithm(),
                        Collectors.mapping(c -> c.spec().goodness(), Collectors.toSet())))
                .values().stream().anyMatch(g -> g.size() > 1);

        List<String> names = seriesNames(passed, basePassed, multiGoodness);
        Map<String, Style> styles = new LinkedHashMap<>();
        Map<String, Style> baseStyles = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            // One goodness: a fixed style per algorithm (ff-base blue circles, ff-recurrent vermilion
            // squares, backprop green triangles) so reports compare at a glance; else one per series.
            int algorithm = BUILT_IN_ORDER.indexOf(names.get(i));
            int k = !multiGoodness && algorithm >= 0 ? algorithm : i;
            String color = COLORS.get(k % COLORS.size());
            String marker = MARKERS.get(k % MARKERS.size());
            styles.put(names.get(i), new Style(color, "none", marker, false));
            baseStyles.put(names.get(i), new Style(color, BASELINE_DASH, marker, true));
        }
        List<String> legendNames = new ArrayList<>();
        List<Style> legendStyles = new ArrayList<>();
        for (String name : names) {
            if (passed.stream().anyMatch(c -> seriesName(c.spec(), multiGoodness).equals(name))) {
                legendNames.add(name);
                legendStyles.add(styles.get(name));
            }
        }
        for (String name : names) {
            if (basePassed.stream().anyMatch(c -> seriesName(c.spec(), multiGoodness).equals(name))) {
                legendNames.add(name + " (baseline)");
                legendStyles.add(baseStyles.get(name));
            }
        }
        Legend legend = LineChart.legend(legendNames, legendStyles, 860);
        Charts charts = new Charts(passed, basePassed, multiGoodness, names, styles, baseStyles, legend);

        List<Figure> figures = new ArrayList<>();
        long capped = passed.stream().filter(c -> c.result().isCapped()).count();
        if (!passed.isEmpty()) {
            ToDoubleFunction<ExperimentResult> training = r -> r.memory().trainingPeak().totalBytes();
            figures.add(charts.figure("memory-depth", "Peak training memory vs depth",
                    "Exact peak bytes of a training step (parameters + gradients + optimizer state + transient), one panel per width; each panel has its own y scale.",
                    true, training, Units.BYTES, "training peak", true, null));
            figures.add(charts.figure("memory-width", "Peak training memory vs width",
                    "The same peaks, one panel per depth; each panel has its own y scale.", false, training, Units.BYTES, "training peak", true, null));
            // an accuracy from training capped at a few steps per epoch would read as the algorithm's: not drawn
            Charts trained = charts.only(c -> !c.result().isCapped());
            String cappedNote = capped == 0 ? "" : " Not drawn: " + capped + " of the " + passed.size() + " cells, capped"
                    + " (in the cell table): " + CappedTraining.EXPLANATION + ".";
            if (!trained.passed().isEmpty()) {
                figures.add(trained.figure("accuracy-depth", "Test accuracy vs depth",
                        "Mean over seeds; whiskers span the minimum and maximum seed." + cappedNote, true,
                        ExperimentResult::testAccuracy, Units.FRACTION, "test accuracy", false, 1.0));
                figures.add(trained.figure("accuracy-width", "Test accuracy vs width",
                        "Mean over seeds; whiskers span the minimum and maximum seed." + cappedNote, false,
                        ExperimentResult::testAccuracy, Units.FRACTION, "test accuracy", false, 1.0));
                figures.add(trained.curves(cappedNote));
            }
            if (!trained.passed().isEmpty()) {
                // a capped run's few steps are mostly warm-up: its speed is not the algorithm's either
                // over depth, unless every trained cell has one depth and the widths vary (the default run's accuracy cells)
                boolean overDepth = trained.depths().size() > 1 || trained.widths().size() < 2;
                String over = overDepth ? "depth" : "width";
                figures.add(trained.figure("speed-" + over, "Training throughput vs " + over,
                        "Training images x epochs per training second (noisy: compare within one machine only)."
                                + cappedNote, overDepth, ExperimentResult::samplesPerSecond, Units.RATE, "throughput", false, null));
                figures.add(trained.figure("time-" + over, "Training time vs " + over,
                        "Wall time of training, without JVM start and evaluation." + cappedNote, overDepth,
                        ExperimentResult::trainSeconds, Units.SECONDS, "train time", false, null));
            }
        }

        List<BreakdownChart.Input> inputs = passed.stream().map(c -> new BreakdownChart.Input(c.id(),
                c.result().memory().trainingPeak(), c.result().memory().evaluationPeak())).toList();
        BreakdownChart.View breakdown = inputs.isEmpty() ? null : BreakdownChart.build(inputs);

        Map<String, CellRecord> baseById = new LinkedHashMap<>();
        basePassed.forEach(c -> baseById.putIfAbsent(c.id(), c));
        Map<String, BaselineComparison.Row> judged = new LinkedHashMap<>();
        if (comparison != null) {
            comparison.rows().forEach(row -> judged.putIfAbsent(row.cell(), row));
        }
        List<CellRow> cellRows = results.cells().stream().map(c -> cellRow(c, baseById.get(c.id()), judged.get(c.id()))).toList();

        List<String> summary = new ArrayList<>();
        summary.add(results.cells().size() + " cells of a " + results.matrixCells() + "-cell matrix"
                + (results.shards().isEmpty() ? "" : " (shards " + String.join(", ", results.shards()) + ")") + ": "
                + results.passedCells().size() + " passed, " + results.failedCells().size() + " failed.");
        summary.add("Gates: " + (gates.violations().isEmpty() ? "passed" : "FAILED") + " (" + gates.tally() + ").");
        summary.add("Generated " + results.generatedAt() + ".");
        String baselineNote = baseline == null
                ? "No baseline: the charts and tables show this run only (record one with mvn ff:baseline)."
                : "Baseline" + (baselineSource == null ? "" : " " + baselineSource) + ": " + basePassed.size()
                        + " cells, generated " + baseline.generatedAt()
                        + "; drawn dashed with hollow markers beside this run, deltas in the cell table"
                        + (comparison == null ? " (not judged here: the gates judge in ff:benchmark and ff:check)." : ".");
        boolean ok = gates.violations().isEmpty() && results.failedCells().isEmpty();

        return new ReportModel("FF Bench report", ok, summary, gates.warnings(), baselineNote, baseline != null,
                fairness(results.cells()), figures, breakdown, cellRows,
                capped == 0 ? "" : "capped: " + CappedTraining.EXPLANATION + ".",
                gateRows(gates).stream().filter(g -> !g.status().equals("passed")).toList(),
                gateRows(gates).stream().filter(g -> g.status().equals("passed")).toList(), failedCells(results),
                environment(results, baseline), matrix(results));
    }

    /** The traits a passed cell's algorithm declared; an undeclared candidate's for results written before. */
    static AlgorithmTraits traits(CellRecord cell) {
        return cell.result().traits() == null ? AlgorithmTraits.undeclared() : cell.result().traits();
    }

    static String seriesName(ExperimentSpec spec, boolean multiGoodness) {
        return multiGoodness && spec.goodness() != null ? spec.algorithm() + " / " + spec.goodness() : spec.algorithm();
    }

    private static List<String> seriesNames(List<CellRecord> passed, List<CellRecord> base, boolean multiGoodness) {
        Set<String> names = new TreeSet<>(Comparator.comparingInt((String n) -> {
            int i = BUILT_IN_ORDER.indexOf(n.split(" / ")[0]);
            return i < 0 ? 99 : i;
        }).thenComparing(Function.identity()));
        passed.forEach(c -> names.add(seriesName(c.spec(), multiGoodness)));
        base.forEach(c -> names.add(seriesName(c.spec(), multiGoodness)));
        return List.copyOf(names);
    }

    /** Builds the panel sets: one panel per width (x = depth) or per depth (x = width). */
    private record Charts(List<CellRecord> passed, List<CellRecord> base, boolean multiGoodness, List<String> names,
            Map<String, Style> styles, Map<String, Style> baseStyles, Legend legend) {

        Set<Integer> depths() {
            return passed.stream().map(c -> c.spec().depth()).collect(Collectors.toCollection(TreeSet::new));
        }

        Set<Integer> widths() {
            return passed.stream().map(c -> c.spec().width()).collect(Collectors.toCollection(TreeSet::new));
        }

        /** The same charts over the cells (of this run and of the baseline) that {@code keep} accepts. */
        Charts only(java.util.function.Predicate<CellRecord> keep) {
            return new Charts(passed.stream().filter(keep).toList(), base.stream().filter(keep).toList(), multiGoodness,
                    names, styles, baseStyles, legend);
        }

        /**
         * Test accuracy against training seconds: a panel per depth and width, a line per series through
         * its lowest seed's curve (every evaluateEvery epochs and at the end of training).
         */
        Figure curves(String note) {
            Map<String, List<CellRecord>> panelsByShape = new java.util.TreeMap<>();
            for (CellRecord c : passed) {
                panelsByShape.computeIfAbsent(String.format(Locale.ROOT, "depth %03d, width %09d", c.spec().depth(),
                        c.spec().width()), k -> new ArrayList<>()).add(c);
            }
            List<ChartView> panels = new ArrayList<>();
            for (List<CellRecord> cells : panelsByShape.values()) {
                CellRecord first = cells.get(0);
                // the baseline's curve of the same depth and width first (dashed, hollow), so the run's sits on top
                List<CellRecord> baseCells = base.stream().filter(c -> c.spec().depth() == first.spec().depth()
                        && c.spec().width() == first.spec().width()).toList();
                List<CurveChart.Curve> curves = new ArrayList<>();
                for (String name : names) {
                    lowestSeed(baseCells, name).ifPresent(c -> curves.add(curve(name + " (baseline)", baseStyles.get(name), c)));
                }
                for (String name : names) {
                    lowestSeed(cells, name).ifPresent(c -> curves.add(curve(name, styles.get(name), c)));
                }
                panels.add(CurveChart.build("curves-d" + first.spec().depth() + "-w" + first.spec().width(),
                        "depth " + first.spec().depth() + ", width " + first.spec().width(), curves));
            }
            return new Figure("accuracy-time", "Test accuracy vs training seconds",
                    "Each series' lowest seed: the test accuracy every evaluateEvery epochs (layerwise FF: epochs of its"
                            + " top layer) and at the end, against the training seconds so far (evaluations excluded;"
                            + " noisy: compare within one machine only). A single point per line: no evaluateEvery was"
                            + " set." + note, legend, panels, "");
        }

        /**
         * The lowest seed's cell of series {@code name} that has a curve: results or a baseline recorded before
         * results had curves (or written by hand) have none, and draw nothing.
         */
        private java.util.Optional<CellRecord> lowestSeed(List<CellRecord> cells, String name) {
            return cells.stream().filter(c -> seriesName(c.spec(), multiGoodness).equals(name))
                    .filter(c -> c.result().curve() != null && !c.result().curve().isEmpty())
                    .min(Comparator.comparingLong(c -> c.spec().seed()));
        }

        /** {@code cell}'s accuracy curve as the line {@code name}, each point titled with its seed and epoch. */
        private static CurveChart.Curve curve(String name, Style style, CellRecord cell) {
            return new CurveChart.Curve(name, style, cell.result().curve().stream().map(p -> new CurveChart.Point(
                    p.trainSeconds(), p.testAccuracy(), name + " (seed " + cell.spec().seed() + "), epoch " + p.epoch()
                            + ": " + Units.FRACTION.value(p.testAccuracy()) + " after " + Units.SECONDS.value(p.trainSeconds())
                            + " of training")).toList());
        }

        Figure figure(String id, String title, String caption, boolean xIsDepth, ToDoubleFunction<ExperimentResult> metric,
                Units units, String yName, boolean allowLog, Double fixedMax) {
            Set<Integer> depths = new TreeSet<>();
            Set<Integer> widths = new TreeSet<>();
            for (CellRecord c : passed) {
                depths.add(c.spec().depth());
                widths.add(c.spec().width());
            }
            List<Integer> xValues = List.copyOf(xIsDepth ? depths : widths);
            List<Integer> panelValues = List.copyOf(xIsDepth ? widths : depths);
            if (xValues.size() == 1) {
                // one x value: every series' marker in one column, which reads as nothing
                String axis = xIsDepth ? "depth" : "width";
                String other = xIsDepth ? "width" : "depth";
                return new Figure(id, title, caption, legend, List.of(), "Not drawn: every cell here has " + axis + " "
                        + xValues.get(0) + ", so there is no line over " + axis + (panelValues.size() > 1 ? "; the chart"
                        + " over " + other + " shows these cells" : "") + ". The cell table has each cell's figure.");
            }
            List<ChartView> panels = new ArrayList<>();
            for (int panel : panelValues) {
                List<Series> series = new ArrayList<>();
                // The baseline first, so the run's solid markers sit on top of its larger hollow rings.
                for (String name : names) {
                    List<Datum> then = data(base, name, xIsDepth, panel, xValues, metric, units, " (baseline)");
                    if (!then.isEmpty()) {
                        series.add(new Series(name + " (baseline)", baseStyles.get(name), then));
                    }
                }
                for (String name : names) {
                    List<Datum> now = data(passed, name, xIsDepth, panel, xValues, metric, units, "");
                    if (!now.isEmpty()) {
                        series.add(new Series(name, styles.get(name), now));
                    }
                }
                String panelTitle = (xIsDepth ? "width " : "depth ") + panel;
                panels.add(LineChart.build(id + "-" + panel, panelTitle, xValues,
                        xIsDepth ? "depth (hidden layers)" : "width (units per hidden layer)", units, yName, allowLog,
                        fixedMax, series));
            }
            return new Figure(id, title, caption, legend, panels, "");
        }

        private List<Datum> data(List<CellRecord> cells, String name, boolean xIsDepth, int panel, List<Integer> xValues,
                ToDoubleFunction<ExperimentResult> metric, Units units, String suffix) {
            List<Datum> data = new ArrayList<>();
            for (int x : xValues) {
                int depth = xIsDepth ? x : panel;
                int width = xIsDepth ? panel : x;
                List<Double> values = cells.stream()
                        .filter(c -> seriesName(c.spec(), multiGoodness).equals(name) && c.spec().depth() == depth
                                && c.spec().width() == width)
                        .map(c -> metric.applyAsDouble(c.result())).toList();
                if (values.isEmpty()) {
                    continue;
                }
                double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                String tip = name + suffix + ", depth " + depth + ", width " + width + ": " + units.value(mean)
                        + (values.size() > 1 ? " (mean of " + values.size() + " seeds, " + units.value(min) + " to "
                                + units.value(max) + ")" : " (1 seed)");
                data.add(new Datum(x, mean, min, max, tip));
            }
            return data;
        }
    }

    /**
     * A cell of the table: its figures, the baseline cell's ({@code base}, may be null) and, when the gates
     * compared them ({@code judged}, may be null), the gates' change and regressed figures; never a verdict of
     * the report's own.
     */
    private static CellRow cellRow(CellRecord cell, CellRecord base, BaselineComparison.Row judged) {
        String change = judged == null ? "" : judged.change().label();
        boolean regressed = judged != null && judged.change() == BaselineComparison.Change.REGRESSION;
        if (!cell.isPassed()) {
            return CellRow.builder().id(cell.id()).status("failed").change(change).regressed(true).build();
        }
        ExperimentResult r = cell.result();
        ExperimentResult b = base == null ? null : base.result();
        double acc = r.testAccuracy();
        long train = (long) Metric.TRAINING_PEAK_BYTES.of(r);
        long eval = (long) Metric.EVALUATION_PEAK_BYTES.of(r);
        Delta accuracy = Delta.NONE;
        Delta training = Delta.NONE;
        Delta evaluation = Delta.NONE;
        if (b != null) {
            // the gate judges the group's mean; a cell's own unchanged accuracy is never marked
            accuracy = new Delta(Metric.TEST_ACCURACY.format(b.testAccuracy()),
                    String.format(Locale.ROOT, "%+.2f pts", 100 * (acc - b.testAccuracy())),
                    flagged(judged, Metric.TEST_ACCURACY) && acc != b.testAccuracy());
            // the gates' deltas when they compared the cell; the baseline's figures, unjudged, when they did not (site page)
            boolean compared = judged != null && judged.training() != null;
            training = memory(compared ? judged.training()
                    : new BaselineComparison.MemoryDelta(train, (long) Metric.TRAINING_PEAK_BYTES.of(b)),
                    flagged(judged, Metric.TRAINING_PEAK_BYTES));
            evaluation = memory(compared ? judged.evaluation()
                    : new BaselineComparison.MemoryDelta(eval, (long) Metric.EVALUATION_PEAK_BYTES.of(b)),
                    flagged(judged, Metric.EVALUATION_PEAK_BYTES));
        }
        List<String> notes = new ArrayList<>();
        if (r.isCapped()) {
            notes.add(CappedTraining.text(r));
        }
        if (r.isDegenerate()) {
            notes.add("degenerate: " + String.join("; ", r.evaluation().degenerate()));
        }
        if (r.memory().isHeapOutsideLedger()) {
            notes.add(r.memory().outsideLedgerNote());
        }
        if (r.hasDeadUnits()) {
            notes.add("dead units: " + r.deadUnitsText());
        }
        return CellRow.builder().id(cell.id()).status("passed").change(change)
                .testAccuracy(Metric.TEST_ACCURACY.format(acc)).accuracyNotes(notes).accuracy(accuracy)
                .trainingPeak(Metric.TRAINING_PEAK_BYTES.format(train)).training(training)
                .evaluationPeak(Metric.EVALUATION_PEAK_BYTES.format(eval)).evaluation(evaluation)
                .samplesPerSecond(String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond()))
                .trainSeconds(String.format(Locale.ROOT, "%.2f", r.trainSeconds())).regressed(regressed).build();
    }

    private static boolean flagged(BaselineComparison.Row judged, Metric metric) {
        return judged != null && judged.regressed().contains(metric);
    }

    /** A memory figure's delta in the comparison's words; red only where its gate failed and the bytes changed. */
    private static Delta memory(BaselineComparison.MemoryDelta delta, boolean gateFailed) {
        return new Delta(Metric.TRAINING_PEAK_BYTES.format(delta.before()), delta.deltaText(),
                gateFailed && delta.bytes() != 0);
    }

    static List<GateRow> gateRows(GateReport gates) {
        List<GateOutcome> outcomes = new ArrayList<>(gates.outcomes());
        outcomes.sort(Comparator.comparingInt(o -> o.status() == GateOutcome.Status.FAILED ? 0
                : o.status() == GateOutcome.Status.PASSED ? 1 : 2));
        return outcomes.stream().map(o -> {
            Metric m = o.metric();
            String value = o.value() == null ? "" : o.kind() == GateKind.RATIO
                    ? String.format(Locale.ROOT, "ratio %.3f", o.value()) : m == null ? String.valueOf(o.value()) : m.format(o.value());
            String compared = o.comparedWith() == null ? "" : (o.kind() == GateKind.RATIO ? "reference " : "baseline ")
                    + (m == null ? String.valueOf(o.comparedWith()) : m.format(o.comparedWith()));
            return new GateRow(o.status().name().toLowerCase(Locale.ROOT), o.kind().key(), o.cell(),
                    m == null ? "" : m.key(), o.bound(), value, compared, o.detail(), o.failed());
        }).toList();
    }

    private static List<FailedCell> failedCells(ResultsDocument results) {
        return results.failedCells().stream().map(c -> new FailedCell(c.id(), c.failure(),
                String.format(Locale.ROOT, "%.1f s", c.wallSeconds()),
                c.logTail() == null || c.logTail().isEmpty() ? "(no log output)" : String.join("\n", c.logTail()))).toList();
    }

    /**
     * The fairness note, from the configs that actually ran and what each algorithm declared of itself
     * ({@link AlgorithmTraits}): the candidates (FF) on one side, the references (backprop) on the other.
     */
    static List<Fairness> fairness(List<CellRecord> cells) {
        List<CellRecord> passed = cells.stream().filter(CellRecord::isPassed).toList();
        // an algorithm's side is what its passed cells declared; its failed cells ran with the same config
        Map<String, AlgorithmTraits.Role> roles = new LinkedHashMap<>();
        passed.forEach(c -> roles.putIfAbsent(c.spec().algorithm(), traits(c).role()));
        List<CellRecord> ff = cells.stream().filter(c -> roles.get(c.spec().algorithm()) == AlgorithmTraits.Role.CANDIDATE).toList();
        List<CellRecord> bp = cells.stream().filter(c -> roles.get(c.spec().algorithm()) == AlgorithmTraits.Role.REFERENCE).toList();
        List<CellRecord> ffPassed = ff.stream().filter(CellRecord::isPassed).toList();
        List<CellRecord> bpPassed = bp.stream().filter(CellRecord::isPassed).toList();
        List<Fairness> note = new ArrayList<>();
        note.add(new Fairness("dtype", "float32 on every cell (the engine computes in float32 only)", true));
        Set<String> unknown = new TreeSet<>();
        cells.stream().map(c -> c.spec().algorithm()).filter(a -> !roles.containsKey(a)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            note.add(new Fairness("side not known", String.join(", ", unknown) + ": no cell passed, so no cell recorded"
                    + " whether it is a candidate or a reference; its failed cells are left out of this note", false));
        }
        if (ff.isEmpty() || bp.isEmpty()) {
            note.add(new Fairness("sides", "only " + (ff.isEmpty() ? "reference (backprop)" : "candidate (FF)")
                    + " cells ran: there is no FF vs backprop comparison in these results", true));
        }
        note.add(compare("optimizer", ff, bp, s -> s.optimizer(),
                s -> s.optimizer() + " (learning rate " + (s.learningRate() == null ? "?" : trim(s.learningRate())) + ")"));
        note.add(compareCells("rows per step", ffPassed, bpPassed, c -> String.valueOf(c.spec().batchSize()),
                distinctCells(ffPassed, c -> declared(c, traits(c).rowsPerStep())),
                distinctCells(bpPassed, c -> declared(c, traits(c).rowsPerStep()))));
        note.add(compareCells("normalization", ffPassed, bpPassed, c -> declared(c, traits(c).normalization()),
                distinctCells(ffPassed, c -> declared(c, traits(c).normalization())),
                distinctCells(bpPassed, c -> declared(c, traits(c).normalization()))));
        note.add(compare("layers", ff, bp, s -> s.depth() + "x" + s.width(),
                "depths " + distinct(specs(ff), s -> String.valueOf(s.depth())) + ", widths " + distinct(specs(ff), s -> String.valueOf(s.width())),
                "depths " + distinct(specs(bp), s -> String.valueOf(s.depth())) + ", widths " + distinct(specs(bp), s -> String.valueOf(s.width()))));
        note.add(compare("data", ff, bp, s -> s.dataset() + "/" + s.epochs() + "/" + s.maxStepsPerEpoch(),
                s -> s.dataset() + ", " + s.epochs() + (s.epochs() == 1 ? " epoch, " : " epochs, ")
                        + (s.maxStepsPerEpoch() == 0 ? "the whole training split" : s.maxStepsPerEpoch() + " steps") + " per epoch"));
        List<CellRecord> keeping = passed.stream().filter(c -> traits(c).finishedLayersKeep() != null).toList();
        if (!keeping.isEmpty()) {
            note.add(new Fairness("finished FF layers keep", distinctCells(keeping, c -> c.spec().algorithm() + ": "
                    + traits(c).finishedLayersKeep()), true));
        }
        // layerwise training runs the spec's epochs once per layer: say so beside the epochs of "data"
        note.add(new Fairness("training phases", distinctCells(passed, ReportModel::phases), true));
        note.add(new Fairness("options", distinct(specs(cells), ReportModel::options), true));
        return note;
    }

    /** "ff-base: 2 phases (layer 1, layer 2), each 4 epochs" or "backprop: 1 phase (all layers), 4 epochs". */
    private static String phases(CellRecord cell) {
        List<String> names = cell.result().memory().trainingPhases().stream().map(p -> p.phase()).toList();
        int epochs = cell.spec().epochs();
        return cell.spec().algorithm() + ": " + names.size() + (names.size() == 1 ? " phase (" : " phases (")
                + String.join(", ", names) + "), " + (names.size() == 1 ? "" : "each ") + epochs + (epochs == 1 ? " epoch" : " epochs");
    }

    /** {@code value}, or "not declared by ALGORITHM" when the algorithm does not say. */
    private static String declared(CellRecord cell, String value) {
        return value != null ? value : "not declared by " + cell.spec().algorithm();
    }

    private static List<ExperimentSpec> specs(List<CellRecord> cells) {
        return cells.stream().map(CellRecord::spec).toList();
    }

    private static String distinctCells(List<CellRecord> cells, Function<CellRecord, String> describe) {
        Set<String> values = new LinkedHashSet<>();
        cells.stream().sorted(Comparator.comparingInt((CellRecord c) -> c.spec().depth()).thenComparingInt(c -> c.spec().width()))
                .map(describe).forEach(values::add);
        return String.join(" | ", values);
    }

    /** "ff-base: goodness=sum-squares, schedule=layerwise, ...": every option the algorithm ran with. */
    private static String options(ExperimentSpec spec) {
        return spec.algorithm() + ": " + (spec.options().values().isEmpty() ? "no options" : String.join(", ",
                spec.options().values().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    /** One aspect of the specs, described per side by {@code describe}; equal when both sides have the same set of keys. */
    private static Fairness compare(String aspect, List<CellRecord> ff, List<CellRecord> bp,
            Function<ExperimentSpec, String> key, Function<ExperimentSpec, String> describe) {
        return compareCells(aspect, ff, bp, c -> key.apply(c.spec()), distinct(specs(ff), describe), distinct(specs(bp), describe));
    }

    private static Fairness compare(String aspect, List<CellRecord> ff, List<CellRecord> bp,
            Function<ExperimentSpec, String> key, String ffText, String bpText) {
        return compareCells(aspect, ff, bp, c -> key.apply(c.spec()), ffText, bpText);
    }

    private static Fairness compareCells(String aspect, List<CellRecord> ff, List<CellRecord> bp,
            Function<CellRecord, String> key, String ffText, String bpText) {
        boolean equal = ff.isEmpty() || bp.isEmpty()
                || ff.stream().map(key).collect(Collectors.toSet()).equals(bp.stream().map(key).collect(Collectors.toSet()));
        String text = (ff.isEmpty() ? "" : "FF: " + ffText) + (ff.isEmpty() || bp.isEmpty() ? "" : "; ")
                + (bp.isEmpty() ? "" : "backprop: " + bpText) + (equal ? "" : " (differs between the sides)");
        return new Fairness(aspect, text, equal);
    }

    private static String distinct(List<ExperimentSpec> specs, Function<ExperimentSpec, String> describe) {
        Set<String> values = new LinkedHashSet<>();
        specs.stream().sorted(Comparator.comparingInt(ExperimentSpec::depth).thenComparingInt(ExperimentSpec::width))
                .map(describe).forEach(values::add);
        if (values.stream().allMatch(v -> v.matches("\\d+"))) {
            return values.stream().map(Integer::valueOf).sorted().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.join(" | ", values);
    }

    private static String trim(double v) {
        return Units.compact(v);
    }

    private static List<EnvRow> environment(ResultsDocument results, ResultsDocument baseline) {
        EnvironmentFingerprint now = results.fingerprint();
        EnvironmentFingerprint then = baseline == null ? null
                : baseline.fingerprint() != null ? baseline.fingerprint() : EnvironmentFingerprint.of(baseline.cells());
        RunEnvironment nowEnv = firstEnvironment(results);
        RunEnvironment thenEnv = baseline == null ? null : firstEnvironment(baseline);
        List<EnvRow> rows = new ArrayList<>();
        row(rows, "Java", now, then, EnvironmentFingerprint::javaVersion);
        row(rows, "JVM", now, then, EnvironmentFingerprint::javaVm);
        rows.add(envRow("OS", nowEnv == null ? "" : nowEnv.os(), thenEnv == null ? null : thenEnv.os()));
        row(rows, "ND4J", now, then, f -> f.nd4jVersion() + " (" + f.nd4jBackend() + ")");
        row(rows, "BLAS", now, then, EnvironmentFingerprint::blasVendor);
        row(rows, "OPENBLAS_CORETYPE", now, then, EnvironmentFingerprint::openblasCoreType);
        row(rows, "CPU", now, then, EnvironmentFingerprint::cpuModel);
        row(rows, "processors", now, then, f -> String.valueOf(f.availableProcessors()));
        row(rows, "ND4J threads per cell", now, then, f -> String.valueOf(f.threads()));
        rows.add(envRow("date", results.generatedAt(), baseline == null ? null : baseline.generatedAt()));
        return rows;
    }

    private static RunEnvironment firstEnvironment(ResultsDocument doc) {
        return doc.passedCells().stream().map(c -> c.result().environment()).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static void row(List<EnvRow> rows, String name, EnvironmentFingerprint now, EnvironmentFingerprint then,
            Function<EnvironmentFingerprint, String> field) {
        rows.add(envRow(name, now == null ? "(no cell passed)" : field.apply(now), then == null ? null : field.apply(then)));
    }

    private static EnvRow envRow(String name, String now, String then) {
        return new EnvRow(name, now, then == null ? "" : then, then != null && !"date".equals(name) && !then.equals(now));
    }

    private static List<EnvRow> matrix(ResultsDocument results) {
        List<ExperimentSpec> specs = results.cells().stream().map(CellRecord::spec).toList();
        List<EnvRow> rows = new ArrayList<>();
        rows.add(new EnvRow("cells", results.cells().size() + " of a " + results.matrixCells() + "-cell matrix"
                + (results.shards().isEmpty() ? "" : ", shards " + String.join(", ", results.shards())), "", false));
        rows.add(new EnvRow("algorithms", String.join(", ", specs.stream().map(ExperimentSpec::algorithm).distinct()
                .sorted(Comparator.comparingInt((String a) -> BUILT_IN_ORDER.contains(a) ? BUILT_IN_ORDER.indexOf(a) : 99))
                .toList()), "", false));
        List<ExperimentSpec> withGoodness = specs.stream().filter(s -> s.goodness() != null).toList();
        if (!withGoodness.isEmpty()) {
            rows.add(new EnvRow("goodness", distinct(withGoodness, ExperimentSpec::goodness), "", false));
        }
        rows.add(new EnvRow("options", distinct(specs, ReportModel::options), "", false));
        rows.add(new EnvRow("depths", distinct(specs, s -> String.valueOf(s.depth())), "", false));
        rows.add(new EnvRow("widths", distinct(specs, s -> String.valueOf(s.width())), "", false));
        rows.add(new EnvRow("seeds", distinct(specs, s -> String.valueOf(s.seed())), "", false));
        rows.add(new EnvRow("dataset", distinct(specs, ExperimentSpec::dataset), "", false));
        rows.add(new EnvRow("epochs", distinct(specs, s -> String.valueOf(s.epochs())), "", false));
        rows.add(new EnvRow("batch size (images)", distinct(specs, s -> String.valueOf(s.batchSize())), "", false));
        rows.add(new EnvRow("steps per epoch", distinct(specs, s -> s.maxStepsPerEpoch() == 0 ? "whole split"
                : String.valueOf(s.maxStepsPerEpoch())), "", false));
        return rows;
    }
}
