package dev.ffbench.report;

import dev.ffbench.experiment.AtomicFiles;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Metric;
import dev.ffbench.harness.CellRecord;
import dev.ffbench.harness.EnvironmentFingerprint;
import dev.ffbench.harness.OutputLayout;
import dev.ffbench.harness.OutputWriter;
import dev.ffbench.harness.ResultsDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code report.html}: a self-contained page with the gate table (failures first) and one
 * row per cell. Minimal on purpose: the charts of memory vs depth and width come with the report's
 * own work.
 */
public final class BenchmarkReport implements OutputWriter {
    private final ReportRenderer renderer = new ReportRenderer();

    @Override
    public void write(ResultsDocument results, GateReport gates, OutputLayout layout) throws IOException {
        AtomicFiles.write(layout.report(), render(results, gates));
    }

    public String render(ResultsDocument results, GateReport gates) {
        List<String> lines = new ArrayList<>();
        lines.add(results.cells().size() + " cells of a " + results.matrixCells() + "-cell matrix"
                + (results.shards().isEmpty() ? "" : " (shards " + String.join(", ", results.shards()) + ")") + ": "
                + results.passedCells().size() + " passed, " + results.failedCells().size() + " failed; generated "
                + results.generatedAt() + ".");
        lines.add("Gates: " + (gates.violations().isEmpty() ? "passed" : "FAILED") + " (" + gates.tally() + ").");
        lines.addAll(gates.warnings());
        EnvironmentFingerprint env = results.fingerprint();
        if (env != null) {
            lines.add("Environment: Java " + env.javaVersion() + ", ND4J " + env.nd4jVersion() + " " + env.nd4jBackend()
                    + ", " + env.blasVendor() + " (OPENBLAS_CORETYPE " + env.openblasCoreType() + "), " + env.cpuModel()
                    + ", " + env.threads() + " thread(s) per cell.");
        }
        return renderer.renderTables("FF Bench report", lines, List.of(gateTable(gates), cellTable(results)));
    }

    private static ReportRenderer.Table gateTable(GateReport gates) {
        List<GateOutcome> outcomes = new ArrayList<>(gates.outcomes());
        outcomes.sort(Comparator.comparingInt(o -> o.status() == GateOutcome.Status.FAILED ? 0
                : o.status() == GateOutcome.Status.PASSED ? 1 : 2));
        List<List<String>> rows = outcomes.stream().map(o -> List.of(
                o.status().name().toLowerCase(Locale.ROOT), o.kind().key(), o.cell(),
                o.metric() == null ? "" : o.metric().key(), o.bound(), o.detail())).toList();
        return new ReportRenderer.Table("Gates", List.of("status", "kind", "cell", "metric", "bound", "detail"), rows);
    }

    private static ReportRenderer.Table cellTable(ResultsDocument results) {
        List<List<String>> rows = new ArrayList<>();
        for (CellRecord cell : results.cells()) {
            var spec = cell.spec();
            if (cell.isPassed()) {
                var r = cell.result();
                rows.add(List.of(cell.id(), spec.algorithm(), String.valueOf(spec.depth()), String.valueOf(spec.width()),
                        "passed", Metric.TEST_ACCURACY.format(r.testAccuracy()),
                        Metric.TRAINING_PEAK_BYTES.format(Metric.TRAINING_PEAK_BYTES.of(r)),
                        Metric.EVALUATION_PEAK_BYTES.format(Metric.EVALUATION_PEAK_BYTES.of(r)),
                        String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond())));
            } else {
                rows.add(List.of(cell.id(), spec.algorithm(), String.valueOf(spec.depth()), String.valueOf(spec.width()),
                        "failed: " + cell.failure(), "", "", "", ""));
            }
        }
        return new ReportRenderer.Table("Cells", List.of("cell", "algorithm", "depth", "width", "status",
                "test accuracy", "training peak", "evaluation peak", "samples/s"), rows);
    }
}
