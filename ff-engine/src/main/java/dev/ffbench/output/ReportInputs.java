package dev.ffbench.output;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Verdict;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.Metric;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import java.util.List;

/**
 * Everything the summary and the report are written from, once the gates are judged.
 *
 * @param results the results as written to results.json
 * @param gates every gate outcome and warning
 * @param layout where the files go; null for a page rendered outside a run ({@link #unjudged})
 * @param paths how paths are shown (relative to the project directory)
 * @param baseline the baseline judged against, and how it is named; its document is null when there is none
 * @param noBaseline why no baseline was used (e.g. "no baseline file at ff-baseline.json"), or null when one was
 * @param comparison every cell against the baseline, or null when no baseline was used
 * @param history the recorded runs of the history directory (empty when it does not exist)
 * @param gatedMetrics the metrics some gate judges, in {@link Metric} order
 * @param verdict the run's verdict, with its counts against the baseline and the commits; null when unjudged
 */
public record ReportInputs(
        ResultsDocument results,
        GateReport gates,
        OutputLayout layout,
        ProjectPaths paths,
        Baseline baseline,
        String noBaseline,
        BaselineComparison comparison,
        History history,
        List<Metric> gatedMetrics,
        Verdict verdict) {

    public ReportInputs {
        gatedMetrics = List.copyOf(gatedMetrics);
    }

    /**
     * Results shown without judging them (the site page: ff:benchmark and ff:check judge): no gate outcome
     * ({@code why} says so in the gates' place), no comparison, no history, no verdict, and no layout (the
     * caller writes the page where it belongs). {@code baseline} (its document may be null) is drawn beside
     * the run, never judged.
     */
    public static ReportInputs unjudged(ResultsDocument results, Baseline baseline, String why) {
        return new ReportInputs(results, GateReport.none(why), null, ProjectPaths.AS_GIVEN, baseline,
                baseline.present() ? null : "no baseline file at " + baseline.source(), null,
                History.none(null, "(none)"), List.of(), null);
    }
}
