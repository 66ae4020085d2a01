package dev.ffbench.report;

import dev.ffbench.gate.Baseline;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.output.OutputWriter;
import dev.ffbench.output.ReportInputs;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network)
 * with memory, accuracy and speed charts vs depth and width, the memory breakdown per cell, the
 * baseline drawn beside the run, the gate table (failures first), the comparison of every cell
 * with the baseline (regressions first), failed cells with their log tails, the trends over the
 * history directory, the fairness note, the environment and the matrix. Every verdict on the page is
 * the inputs' (the gates' outcomes and comparison); the page judges nothing itself.
 */
public final class BenchmarkReport implements OutputWriter {
    private final ReportRenderer renderer = new ReportRenderer();

    /** Writes {@link #render} to the layout's report.html. */
    @Override
    public void write(ReportInputs inputs) throws IOException {
        AtomicFiles.write(inputs.layout().report(), render(inputs));
    }

    @Override
    public Optional<Path> namedFile(OutputLayout layout) {
        return Optional.of(layout.report());
    }

    /**
     * The page of {@code inputs}: the baseline (when its document is there) drawn beside the run, the
     * comparison with it when the gates made one, and the trends of the gated metrics over the history
     * (when it holds runs), this run drawn last.
     */
    public String render(ReportInputs inputs) {
        ResultsDocument results = inputs.results();
        Baseline baseline = inputs.baseline();
        ResultsDocument document = baseline == null ? null : baseline.document();
        return renderer.render(ReportModel.of(results, inputs.gates(), document, document == null ? null : baseline.source(),
                        inputs.comparison()),
                inputs.comparison() == null ? null : ComparisonView.of(inputs.comparison(),
                        document == null ? "(unknown)" : document.generatedAt(), document == null ? null : baseline.rerecording()),
                HistoryView.of(inputs.history(), results, inputs.gates(), inputs.gatedMetrics()));
    }
}
