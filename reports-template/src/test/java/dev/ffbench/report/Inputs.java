package dev.ffbench.report;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineRerecording;
import dev.ffbench.gate.GateReport;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.output.History;
import dev.ffbench.output.ReportInputs;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.List;

/**
 * {@link ReportInputs} as the harness hands them to the report, for tests that render a page from
 * fixtures: the report reads no layout, paths or verdict, so they are left out.
 */
final class Inputs {
    private Inputs() {}

    /** No baseline, no comparison, no history. */
    static ReportInputs of(ResultsDocument results, GateReport gates) {
        return of(results, gates, null, null);
    }

    /** {@code baseline} (may be null) drawn beside the run as {@code source}, not compared. */
    static ReportInputs of(ResultsDocument results, GateReport gates, ResultsDocument baseline, String source) {
        return of(results, gates, baseline, source, null, null, List.of(), null);
    }

    /** Everything the report draws: the comparison, the history (may be null) and the baseline's re-recording (may be null). */
    static ReportInputs of(ResultsDocument results, GateReport gates, ResultsDocument baseline, String source,
            BaselineComparison comparison, History history, List<Metric> gatedMetrics, BaselineRerecording rerecording) {
        return new ReportInputs(results, gates, null, ProjectPaths.AS_GIVEN, new Baseline(baseline, source, rerecording),
                baseline == null ? "no baseline file at " + source : null, comparison,
                history == null ? History.none(null, "(none)") : history, gatedMetrics, null);
    }
}
