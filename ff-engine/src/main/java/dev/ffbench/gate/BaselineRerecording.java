package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pull request that re-records the baseline: its own baseline file differs from the one of the
 * branch it targets ({@code baselineRef}), so the gates judge against its file, and what it changed is
 * shown for review instead. Computed once, when the baseline is read; the summary, the report and the
 * log render this record. Cells are matched by id over the passed cells both files hold (a baseline
 * holds only passed cells); a cell counts as re-recorded when a figure the baseline gates judge differs
 * ({@link #judgedMetrics}): samples/s changes with every recording and is not judged unless a speed
 * gate is set.
 *
 * @param file the pull request's baseline file as messages show it ("ff-baseline.json")
 * @param target the target branch's file ("ff-baseline.json at main (commit 1a2b3c4)")
 * @param metrics the metrics compared, in {@link Metric} order
 * @param cells the re-recorded, added and removed cells, in the pull request's order, removed ones last
 * @param unchanged how many cells both files have with the same judged figures
 */
public record BaselineRerecording(String file, String target, List<Metric> metrics, List<Cell> cells, int unchanged) {

    public BaselineRerecording {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        metrics = List.copyOf(metrics);
        cells = List.copyOf(cells);
    }

    /** What the pull request did to a cell of the baseline. */
    public enum Change {
        /** Both files have the cell; a judged figure differs. */
        RERECORDED("re-recorded"),
        /** Only the pull request's file has the cell. */
        ADDED("added"),
        /** Only the target branch's file has the cell. */
        REMOVED("removed");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        /** How the change reads in tables: "re-recorded", "added", "removed". */
        public String label() {
            return label;
        }
    }

    /**
     * One metric of a cell in both files.
     *
     * @param metric the metric
     * @param before the target branch's value, or null when its file lacks the cell
     * @param after the pull request's value, or null when its file lacks the cell
     */
    public record Figure(Metric metric, Double before, Double after) {

        /** The target branch's value ("100,000 B"), or "" without one. */
        public String beforeText() {
            return before == null ? "" : metric.format(before);
        }

        /** The pull request's value, or "" without one. */
        public String afterText() {
            return after == null ? "" : metric.format(after);
        }

        /** Whether the two values differ (a missing side differs). */
        public boolean changed() {
            return !Objects.equals(before, after);
        }

        /**
         * "+900,000 B (+900.00 %)", "-1.50 pts", "+4.00 %" for samples/s, "no change"; "" when a side is
         * missing.
         */
        public String deltaText() {
            if (before == null || after == null) {
                return "";
            }
            if (!changed()) {
                return "no change";
            }
            return switch (metric.unit()) {
                case BYTES -> String.format(Locale.ROOT, "%+,d B", Math.round(after - before)) + " ("
                        + (before == 0 ? "from 0" : String.format(Locale.ROOT, "%+.2f %%", 100 * (after - before) / before)) + ")";
                case FRACTION -> String.format(Locale.ROOT, "%+.2f pts", 100 * (after - before));
                default -> before == 0 ? "from 0" : String.format(Locale.ROOT, "%+.2f %%", 100 * (after - before) / before);
            };
        }

        /** "100,000 B -> 1,000,000 B (+900,000 B (+900.00 %))", for the log. */
        public String text() {
            return metric.key() + " " + (before == null ? "(none)" : beforeText()) + " -> "
                    + (after == null ? "(none)" : afterText()) + (deltaText().isEmpty() ? "" : " (" + deltaText() + ")");
        }
    }

    /**
     * A re-recorded, added or removed cell.
     *
     * @param id the cell id
     * @param change what the pull request did to it
     * @param figures one per {@link #metrics}, in that order
     */
    public record Cell(String id, Change change, List<Figure> figures) {
        public Cell {
            figures = List.copyOf(figures);
        }

        /** "backprop-d1-w16-s1 (re-recorded: trainingPeakBytes 100,000 B -> ...)", only the figures that changed. */
        public String text() {
            return id + " (" + change.label() + (change == Change.RERECORDED ? ": " + String.join("; ",
                    figures.stream().filter(Figure::changed).map(Figure::text).toList()) : "") + ")";
        }
    }

    /**
     * The metrics the baseline gates judge with {@code tolerance}: both memory peaks and test accuracy,
     * and samples/s when a speed drop is bounded. Absolute and ratio rules do not read the baseline, so a
     * re-recording does not change what they judge.
     */
    public static List<Metric> judgedMetrics(BaselineTolerance tolerance) {
        Set<Metric> metrics = EnumSet.of(Metric.TRAINING_PEAK_BYTES, Metric.EVALUATION_PEAK_BYTES, Metric.TEST_ACCURACY);
        if (tolerance.maxSpeedDropPercent() != null) {
            metrics.add(Metric.SAMPLES_PER_SECOND);
        }
        return List.copyOf(metrics);
    }

    /**
     * What the pull request's baseline {@code after} changes in the target branch's {@code before}, for
     * the metrics {@code tolerance} judges.
     */
    public static BaselineRerecording of(BaselineTolerance tolerance, ResultsDocument before, String target,
            ResultsDocument after, String file) {
        List<Metric> metrics = judgedMetrics(tolerance);
        Map<String, CellRecord> old = passedById(before);
        Map<String, CellRecord> now = passedById(after);
        List<Cell> cells = new ArrayList<>();
        int unchanged = 0;
        for (CellRecord cell : now.values()) {
            CellRecord was = old.get(cell.id());
            List<Figure> figures = metrics.stream().map(metric -> new Figure(metric,
                    was == null ? null : metric.of(was.result()), metric.of(cell.result()))).toList();
            if (was == null) {
                cells.add(new Cell(cell.id(), Change.ADDED, figures));
            } else if (figures.stream().anyMatch(Figure::changed)) {
                cells.add(new Cell(cell.id(), Change.RERECORDED, figures));
            } else {
                unchanged++;
            }
        }
        for (CellRecord was : old.values()) {
            if (!now.containsKey(was.id())) {
                cells.add(new Cell(was.id(), Change.REMOVED, metrics.stream()
                        .map(metric -> new Figure(metric, metric.of(was.result()), null)).toList()));
            }
        }
        return new BaselineRerecording(file, target, metrics, cells, unchanged);
    }

    private static Map<String, CellRecord> passedById(ResultsDocument document) {
        Map<String, CellRecord> cells = new LinkedHashMap<>();
        document.passedCells().forEach(cell -> cells.putIfAbsent(cell.id(), cell));
        return cells;
    }

    /** "this pull request re-records the baseline: 2 cells changed". */
    public String banner() {
        return "this pull request re-records the baseline: " + cells.size() + (cells.size() == 1 ? " cell" : " cells")
                + " changed";
    }

    /**
     * What was judged against what, and how to read the table: "ff-baseline.json differs from
     * ff-baseline.json at main (commit 1a2b3c4), so the gates judge against this pull request's file.
     * Old: the target branch's figures; new: the pull request's. 3 cells are unchanged."
     */
    public String explanation() {
        return file + " differs from " + target + ", so the gates judge against this pull request's file: review the"
                + " re-recorded cells below. Old: the target branch's figures; new: the pull request's ("
                + String.join(", ", metrics.stream().map(Metric::key).toList()) + ", the figures the baseline gates judge). "
                + (unchanged == 1 ? "1 cell is" : unchanged + " cells are") + " unchanged.";
    }

    /** The banner and the cells, for the log: the first {@code limit} cells and how many more. */
    public String logText(int limit) {
        List<String> shown = cells.stream().limit(limit).map(Cell::text).toList();
        return banner() + (cells.isEmpty() ? "" : ": " + String.join(", ", shown)
                + (cells.size() > limit ? " and " + (cells.size() - limit) + " more" : ""));
    }
}
