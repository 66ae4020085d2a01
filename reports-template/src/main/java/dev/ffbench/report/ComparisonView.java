package dev.ffbench.report;

import dev.ffbench.gate.BaselineComparison.Change;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineRerecording;
import dev.ffbench.results.Metric;
import java.util.List;

/**
 * The report's comparison with the baseline, from the engine's {@link BaselineComparison}: the
 * changed cells in the engine's order (regressions first) and the unchanged ones, which the template
 * folds into a {@code <details>} block. Every text is computed by the engine, as in summary.md.
 *
 * @param intro what was compared with what, and the tally
 * @param changed rows whose change is not "unchanged", regressions first
 * @param unchanged rows of the unchanged cells
 * @param notInResults a line naming the baseline cells the results lack, or empty
 * @param rerecorded the banner of a pull request that re-records the baseline, shown at the top of the
 *     page; null when the baseline is no re-recording
 */
public record ComparisonView(String intro, List<RowView> changed, List<RowView> unchanged, String notInResults,
        RerecordedView rerecorded) {

    public ComparisonView {
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
    }

    /**
     * One cell: its change, its figures now and their deltas; the {@code *Regressed} flags mark the
     * deltas whose gate fails.
     */
    public record RowView(String change, String changeClass, String cell, String training, String trainingDelta,
            boolean trainingRegressed, String evaluation, String evaluationDelta, boolean evaluationRegressed,
            String accuracy, String accuracyDelta, boolean accuracyRegressed, String speed, String speedDelta,
            boolean speedRegressed, String note) {}

    /**
     * A pull request's re-recording of the baseline, from the engine's {@link BaselineRerecording}: the
     * banner, what was judged against what, and a row per re-recorded, added or removed cell.
     *
     * @param banner "This pull request re-records the baseline: 1 cell changed"
     * @param explanation which files differ, what the gates judged against, how to read the table
     * @param metrics the metrics' keys, one column each
     * @param rows one per re-recorded, added or removed cell
     */
    public record RerecordedView(String banner, String explanation, List<String> metrics, List<RerecordedRow> rows) {
        public RerecordedView {
            metrics = List.copyOf(metrics);
            rows = List.copyOf(rows);
        }
    }

    /** One re-recorded cell: its id, what changed ("re-recorded", "added", "removed") and one figure per metric. */
    public record RerecordedRow(String cell, String change, List<FigureView> figures) {
        public RerecordedRow {
            figures = List.copyOf(figures);
        }
    }

    /** A metric of a re-recorded cell: the target branch's value, the pull request's, the delta; "" for a missing side. */
    public record FigureView(String before, String after, String delta, boolean changed) {}

    /**
     * The view of {@code comparison}; {@code generatedAt} is the baseline's date, {@code rerecording} (may be
     * null) the banner of a pull request that re-records the baseline.
     */
    public static ComparisonView of(BaselineComparison comparison, String generatedAt, BaselineRerecording rerecording) {
        String intro = "Baseline " + comparison.baseline() + ", generated " + generatedAt + ": " + comparison.tally()
                + ". " + BaselineComparison.HOW_TO_READ;
        List<RowView> changed = comparison.rows().stream().filter(row -> row.change() != Change.UNCHANGED)
                .map(ComparisonView::row).toList();
        List<RowView> unchanged = comparison.rows(Change.UNCHANGED).stream().map(ComparisonView::row).toList();
        String missing = comparison.notInResults().isEmpty() ? ""
                : comparison.notInResults().size() + " baseline cells are not in these results: "
                        + String.join(", ", comparison.notInResults()) + ".";
        return new ComparisonView(intro, changed, unchanged, missing, rerecording == null ? null : rerecorded(rerecording));
    }

    static RerecordedView rerecorded(BaselineRerecording rerecording) {
        String banner = rerecording.banner();
        List<RerecordedRow> rows = rerecording.cells().stream().map(cell -> new RerecordedRow(cell.id(),
                cell.change().label(), cell.figures().stream().map(f -> new FigureView(f.beforeText(), f.afterText(),
                        f.changed() ? f.deltaText() : "", f.changed())).toList())).toList();
        return new RerecordedView(Character.toUpperCase(banner.charAt(0)) + banner.substring(1),
                rerecording.explanation(), rerecording.metrics().stream().map(Metric::key).toList(), rows);
    }

    private static RowView row(BaselineComparison.Row row) {
        String changeClass = "change-" + row.change().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (row.training() == null) {
            return new RowView(row.change().label(), changeClass, row.cell(), "", "", false, "", "", false, "", "", false,
                    "", "", false, row.note());
        }
        return new RowView(row.change().label(), changeClass, row.cell(), row.training().nowText(),
                row.training().deltaText(), row.regressed().contains(Metric.TRAINING_PEAK_BYTES),
                row.evaluation().nowText(), row.evaluation().deltaText(), row.regressed().contains(Metric.EVALUATION_PEAK_BYTES),
                row.accuracy().nowText(), row.accuracy().deltaText(), row.regressed().contains(Metric.TEST_ACCURACY),
                row.speed().nowText(), row.speed().deltaText(), row.regressed().contains(Metric.SAMPLES_PER_SECOND),
                row.note());
    }
}
