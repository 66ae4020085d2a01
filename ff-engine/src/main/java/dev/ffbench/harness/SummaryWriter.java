package dev.ffbench.harness;

import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The Markdown summary for CI job summaries: gate verdict (failures first), cells, environment. */
final class SummaryWriter {
    private SummaryWriter() {}

    static String markdown(ResultsDocument results, GateReport gates) {
        List<String> lines = new ArrayList<>();
        lines.add("# FF Bench results");
        lines.add("");
        lines.add(results.cells().size() + " cells of a " + results.matrixCells() + "-cell matrix"
                + (results.shards().isEmpty() ? "" : " (shards " + String.join(", ", results.shards()) + ")") + ": "
                + results.passedCells().size() + " passed, " + results.failedCells().size() + " failed. Generated "
                + results.generatedAt() + ".");
        lines.add("");
        lines.add("## Gates");
        lines.add("");
        List<GateOutcome> outcomes = new ArrayList<>(gates.outcomes());
        outcomes.sort(Comparator.comparingInt(o -> o.status() == GateOutcome.Status.FAILED ? 0
                : o.status() == GateOutcome.Status.SKIPPED ? 2 : 1));
        lines.add((gates.violations().isEmpty() ? "**PASSED**: " : "**FAILED**: ") + gates.tally() + ".");
        gates.warnings().forEach(warning -> lines.add("- " + escape(warning)));
        if (!outcomes.isEmpty()) {
            lines.add("");
            lines.add("| status | kind | cell | metric | value | compared with | bound |");
            lines.add("|---|---|---|---|---:|---:|---|");
            for (GateOutcome outcome : outcomes) {
                lines.add("| " + outcome.status().name().toLowerCase(Locale.ROOT) + " | " + outcome.kind().key() + " | "
                        + escape(outcome.cell()) + " | " + (outcome.metric() == null ? "" : outcome.metric().key()) + " | "
                        + value(outcome, outcome.value()) + " | " + comparedWith(outcome) + " | " + escape(outcome.bound()) + " |");
            }
        }
        lines.add("");
        lines.add("## Cells");
        lines.add("");
        lines.add("| cell | status | test accuracy | training peak | evaluation peak | samples/s | wall |");
        lines.add("|---|---|---:|---:|---:|---:|---:|");
        for (CellRecord cell : results.cells()) {
            if (cell.isPassed()) {
                var r = cell.result();
                lines.add("| " + cell.id() + " | passed | " + Metric.TEST_ACCURACY.format(r.testAccuracy()) + " | "
                        + Metric.TRAINING_PEAK_BYTES.format(Metric.TRAINING_PEAK_BYTES.of(r)) + " | "
                        + Metric.EVALUATION_PEAK_BYTES.format(Metric.EVALUATION_PEAK_BYTES.of(r)) + " | "
                        + String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond()) + " | "
                        + String.format(Locale.ROOT, "%.1f s", cell.wallSeconds()) + " |");
            } else {
                lines.add("| " + cell.id() + " | **failed**: " + escape(cell.failure()) + " | | | | | "
                        + String.format(Locale.ROOT, "%.1f s", cell.wallSeconds()) + " |");
            }
        }
        EnvironmentFingerprint env = results.fingerprint();
        if (env != null) {
            lines.add("");
            lines.add("## Environment");
            lines.add("");
            lines.add("Java " + env.javaVersion() + " (" + escape(env.javaVm()) + "), ND4J " + env.nd4jVersion() + " "
                    + env.nd4jBackend() + ", BLAS " + env.blasVendor() + " (OPENBLAS_CORETYPE " + env.openblasCoreType()
                    + "), " + escape(env.cpuModel()) + ", " + env.availableProcessors() + " processors, " + env.threads()
                    + " thread(s) per cell.");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String value(GateOutcome outcome, Double value) {
        if (value == null) {
            return "";
        }
        return outcome.kind() == dev.ffbench.gate.GateKind.RATIO
                ? String.format(Locale.ROOT, "%.3f", value) : outcome.metric().format(value);
    }

    private static String comparedWith(GateOutcome outcome) {
        return outcome.comparedWith() == null || outcome.metric() == null ? "" : outcome.metric().format(outcome.comparedWith());
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
