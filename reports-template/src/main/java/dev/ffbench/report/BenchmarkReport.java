package dev.ffbench.report;

import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineRerecording;
import dev.ffbench.gate.GateReport;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.output.History;
import dev.ffbench.output.OutputWriter;
import dev.ffbench.output.ReportInputs;
import dev.ffbench.results.Metric;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network)
 * with memory, accuracy and speed charts vs depth and width, the memory breakdown per cell, the
 * baseline drawn beside the run, the gate table (failures first), the comparison of every cell
 * with the baseline (regressions first), failed cells with their log tails, the trends over the
 * history directory, the fairness note, the environment and the matrix.
 */
public final class BenchmarkReport implements OutputWriter {
    private final ReportRenderer renderer = new ReportRenderer();
    private final Path baselineFile;

    /** A report without a baseline. */
    public BenchmarkReport() {
        this(null);
    }

    /**
     * A report that draws {@code baselineFile} beside the run when the file exists, for callers that
     * write it from results and gates alone; the harness hands over the baseline it judged against.
     */
    public BenchmarkReport(Path baselineFile) {
        this.baselineFile = baselineFile;
    }

    /** Writes the page from everything the harness judged: the baseline in use, the comparison, the history. */
    @Override
    public void write(ReportInputs inputs) throws IOException {
        ResultsDocument baseline = inputs.baseline() == null ? null : inputs.baseline().document();
        AtomicFiles.write(inputs.layout().report(), render(inputs.results(), inputs.gates(), baseline,
                baseline == null ? null : inputs.baseline().source(), inputs.comparison(), inputs.history(),
                inputs.gatedMetrics(), baseline == null ? null : inputs.baseline().rerecording()));
    }

    @Override
    public void write(ResultsDocument results, GateReport gates, OutputLayout layout) throws IOException {
        ResultsDocument baseline = null;
        String source = null;
        if (baselineFile != null && Files.isRegularFile(baselineFile)) {
            try {
                baseline = ResultsFiles.read(baselineFile, ResultsDocument.BASELINE);
                source = baselineFile.getFileName().toString();
            } catch (RuntimeException e) {
                // The gates already report an unreadable baseline; the report still shows the run.
                baseline = null;
            }
        }
        AtomicFiles.write(layout.report(), render(results, gates, baseline, source));
    }

    public String render(ResultsDocument results, GateReport gates) {
        return render(results, gates, null, null);
    }

    /** The page for these results, with {@code baseline} (may be null) drawn beside them. */
    public String render(ResultsDocument results, GateReport gates, ResultsDocument baseline, String baselineSource) {
        return renderer.renderReport(ReportModel.of(results, gates, baseline, baselineSource));
    }

    /**
     * The page with, in addition, the comparison with the baseline (may be null) and the trends of
     * {@code gatedMetrics} over {@code history} (may be null or empty), this run drawn last.
     */
    public String render(ResultsDocument results, GateReport gates, ResultsDocument baseline, String baselineSource,
            BaselineComparison comparison, History history, List<Metric> gatedMetrics) {
        return render(results, gates, baseline, baselineSource, comparison, history, gatedMetrics, null);
    }

    /** The page as above, under the banner of a pull request that re-records the baseline ({@code rerecording}, may be null). */
    public String render(ResultsDocument results, GateReport gates, ResultsDocument baseline, String baselineSource,
            BaselineComparison comparison, History history, List<Metric> gatedMetrics, BaselineRerecording rerecording) {
        return renderer.renderReport(ReportModel.of(results, gates, baseline, baselineSource, comparison),
                comparison == null ? null : ComparisonView.of(comparison, baseline == null ? "(unknown)" : baseline.generatedAt(),
                        rerecording),
                HistoryView.of(history, results, gates, gatedMetrics));
    }
}
