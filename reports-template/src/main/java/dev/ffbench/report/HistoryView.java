package dev.ffbench.report;

import dev.ffbench.gate.GateReport;
import dev.ffbench.output.History;
import dev.ffbench.output.HistoryEntry;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's trends: each gated metric of each group of seeds over the runs recorded in the
 * history directory (oldest first), with the run being reported as the last point unless it is
 * already recorded. Runs measured in another environment than the newest are ringed in the charts
 * and named in the table of runs; runs whose gates failed are crossed in the charts and say so in the
 * table and in their points' tooltips (runs recorded before history files recorded the verdict read
 * "unknown").
 *
 * @param intro what the section shows and from where
 * @param legend what the marks on the points mean
 * @param runs the runs drawn, oldest first
 * @param groups one row of charts per group of seeds
 */
public record HistoryView(String intro, String legend, List<RunRow> runs, List<GroupTrends> groups) {

    /** The newest runs drawn; older ones stay in the directory. */
    public static final int MAX_RUNS = 30;

    public HistoryView {
        runs = List.copyOf(runs);
        groups = List.copyOf(groups);
    }

    /**
     * One run.
     *
     * @param number its number on the x axes (1 the oldest drawn)
     * @param date when it was measured
     * @param commit the commit's first characters, or "no commit"
     * @param cells "18 of 18 passed"
     * @param environment "as the newest run", or how it differs
     * @param gates "passed", "failed (2 violations)" or "unknown"
     * @param source the history file, or "this run (not recorded)"
     * @param differs whether its environment differs from the newest run's
     * @param gatesFailed whether its gates failed
     */
    public record RunRow(String number, String date, String commit, String cells, String environment, String gates,
            String source, boolean differs, boolean gatesFailed) {}

    /** The charts of one group of seeds, one per gated metric. */
    public record GroupTrends(String group, String seeds, List<ChartView> charts) {
        public GroupTrends {
            charts = List.copyOf(charts);
        }
    }

    /** A run to draw: a recorded one, or the results being reported. */
    private record Run(HistoryEntry entry, String source) {}

    /**
     * The trends of {@code history} followed by {@code results} (unless recorded already), whose gates'
     * verdict is {@code gates}' (unknown when it judged no gate, or for part of the matrix); null when the
     * history has no recorded run.
     */
    public static HistoryView of(History history, ResultsDocument results, GateReport gates, List<Metric> metrics) {
        if (history == null || history.isEmpty()) {
            return null;
        }
        List<Run> all = new ArrayList<>();
        history.runs().forEach(run -> all.add(new Run(run.entry(), run.file())));
        boolean recorded = results == null || history.runs().stream().anyMatch(run -> run.entry().generatedAt()
                .equals(results.generatedAt()) && run.entry().matrixCells() == results.matrixCells());
        if (!recorded) {
            HistoryEntry.Gates verdict = results.isComplete() && results.shards().isEmpty() ? HistoryEntry.Gates.of(gates) : null;
            all.add(new Run(HistoryEntry.of(results, verdict, null, results.generatedAt()), "this run (not recorded)"));
        }
        List<Run> runs = all.subList(Math.max(0, all.size() - MAX_RUNS), all.size());
        EnvironmentFingerprint newest = runs.get(runs.size() - 1).entry().fingerprint();

        List<RunRow> rows = new ArrayList<>();
        List<Boolean> differs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            HistoryEntry entry = runs.get(i).entry();
            EnvironmentFingerprint fingerprint = entry.fingerprint();
            boolean other = fingerprint != null && newest != null && !fingerprint.equals(newest);
            differs.add(other);
            long passed = entry.cells().stream().filter(HistoryEntry.CellFigures::passed).count();
            rows.add(new RunRow(String.valueOf(i + 1), entry.generatedAt(),
                    runs.get(i).source().startsWith("this run") ? "(this build)" : entry.shortCommit(),
                    passed + " of " + entry.cells().size() + " passed",
                    !other ? "as the newest run" : String.join("; ", fingerprint.differencesFrom(newest, "newest run",
                            "run " + (i + 1))), gatesText(entry), runs.get(i).source(), other,
                    Boolean.TRUE.equals(entry.gatesFailed())));
        }

        // groups in the newest run's order, then those only older runs have
        Map<String, Set<Long>> seeds = new LinkedHashMap<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            for (HistoryEntry.CellFigures cell : runs.get(i).entry().cells()) {
                seeds.computeIfAbsent(cell.group(), g -> new TreeSet<>()).add(cell.seed());
            }
        }
        List<GroupTrends> groups = new ArrayList<>();
        int g = 0;
        for (Map.Entry<String, Set<Long>> group : seeds.entrySet()) {
            List<ChartView> charts = new ArrayList<>();
            for (Metric metric : metrics) {
                charts.add(chart("trend-" + g + "-" + metric.key(), group.getKey(), metric, runs, differs));
            }
            groups.add(new GroupTrends(group.getKey(), seedsText(group.getValue()), charts));
            g++;
        }

        long otherCount = differs.stream().filter(d -> d).count();
        long failedCount = runs.stream().filter(run -> Boolean.TRUE.equals(run.entry().gatesFailed())).count();
        long unknownCount = runs.stream().filter(run -> run.entry().gates() == null).count();
        int count = history.runs().size();
        String intro = count + " recorded " + (count == 1 ? "run" : "runs") + " in " + history.shownAs() + (recorded ? "" : ", then this run (not recorded yet; mvn ff:history records it)")
                + (all.size() > MAX_RUNS ? "; the newest " + MAX_RUNS + " are drawn" : "") + ". Each gated metric of each"
                + " group of seeds, oldest run first: memory is exact (every point's tooltip has the bytes), accuracy is the"
                + " mean over seeds with whiskers from the lowest to the highest seed. Each y axis spans its chart's own"
                + " values (not from 0), so small changes show: read the tick labels. "
                + (otherCount == 0 ? "Every run was measured in the newest run's environment."
                        : otherCount + (otherCount == 1 ? " run was" : " runs were") + " measured in another environment than"
                                + " the newest run: ringed in the charts, and named in the table of runs (memory bytes"
                                + " compare across environments, speed does not).");
        String legend = "Marks: a red \u00d7 on a run whose gates failed (" + failedCount + " of " + runs.size()
                + (runs.size() == 1 ? " run" : " runs") + (unknownCount == 0 ? "" : "; " + unknownCount
                        + (unknownCount == 1 ? " run has" : " runs have") + " no recorded verdict") + "), an orange \u25c7"
                + " around a run measured in another environment than the newest.";
        return new HistoryView(intro, legend, rows, groups);
    }

    /** "passed", "failed (2 violations)", or "unknown" for a run recorded without a verdict. */
    static String gatesText(HistoryEntry entry) {
        HistoryEntry.Gates gates = entry.gates();
        return gates == null ? "unknown" : gates.text().substring("gates ".length());
    }

    private static ChartView chart(String id, String group, Metric metric, List<Run> runs, List<Boolean> differs) {
        Units units = switch (metric.unit()) {
            case BYTES -> Units.BYTES;
            case FRACTION -> Units.FRACTION;
            case RATE -> Units.RATE;
            case SECONDS -> Units.SECONDS;
        };
        List<TrendChart.Point> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            HistoryEntry entry = runs.get(i).entry();
            List<Double> values = entry.cells().stream()
                    .filter(cell -> cell.group().equals(group) && cell.passed() && cell.metric(metric) != null)
                    .map(cell -> cell.metric(metric)).toList();
            if (values.isEmpty()) {
                continue;
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            String title = "run " + (i + 1) + ", " + entry.generatedAt() + ", "
                    + (runs.get(i).source().startsWith("this run") ? "this build" : entry.shortCommit()) + ": "
                    + units.value(mean) + (values.size() > 1 ? " (mean of " + values.size() + " seeds, " + units.value(min)
                            + " to " + units.value(max) + ")" : "")
                    + (differs.get(i) ? "; measured in another environment than the newest run" : "")
                    + "; gates " + gatesText(entry);
            points.add(new TrendChart.Point(i, mean, min, max, title, differs.get(i),
                    Boolean.TRUE.equals(entry.gatesFailed())));
        }
        return TrendChart.build(id, name(metric), runs.size(), units, name(metric), points);
    }

    /** How a metric is titled in the charts. */
    static String name(Metric metric) {
        return switch (metric) {
            case TRAINING_PEAK_BYTES -> "training peak";
            case EVALUATION_PEAK_BYTES -> "evaluation peak";
            case TEST_ACCURACY -> "test accuracy";
            case TRAIN_ACCURACY -> "train accuracy";
            case SAMPLES_PER_SECOND -> "samples/s";
            case SECONDS_TO_ACCURACY -> "seconds to the target accuracy";
        };
    }

    private static String seedsText(Set<Long> seeds) {
        Set<String> text = new LinkedHashSet<>();
        seeds.forEach(seed -> text.add(String.valueOf(seed)));
        return (seeds.size() == 1 ? "seed " : "seeds ") + String.join(", ", text);
    }
}
