package dev.ffbench.output;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison.Change;
import dev.ffbench.gate.BaselineComparison.Row;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.results.CappedTraining;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown summary for CI job summaries and pull-request comments: its first line is the run's
 * verdict ({@link dev.ffbench.gate.Verdict#line}: counts against the baseline, head and baseline
 * commits); then a heading says which baseline the run was judged against, or that none was used;
 * then the gate verdict (failures
 * first), the comparison of every cell with the baseline (regressions first, unchanged cells
 * folded), the cells and the environment. It stays under {@link #LIMIT} characters: rows that do not
 * fit are folded with a count, pointing to report.html.
 */
public final class SummaryWriter implements OutputWriter {
    /** GitHub refuses comments and job summaries beyond 65,536 characters; this leaves room for a heading. */
    static final int LIMIT = 60_000;

    /** A single warning longer than this is cut (e.g. a list of hundreds of new cells). */
    static final int WARNING_LIMIT = 1_000;

    private static final String FOLD = "_%d more rows are folded to keep this summary under " + String.format(Locale.ROOT,
            "%,d", LIMIT) + " characters: report.html (in the same directory or CI artifact) has every row._";

    /** Writes {@link #markdown} to the layout's summary.md. */
    @Override
    public void write(ReportInputs inputs) throws IOException {
        AtomicFiles.write(inputs.layout().summary(), markdown(inputs));
    }

    @Override
    public Optional<Path> namedFile(OutputLayout layout) {
        return Optional.of(layout.summary());
    }

    /** The summary.md of {@code inputs}: the results, the gates' verdicts and the baseline comparison. */
    public static String markdown(ReportInputs inputs) {
        ResultsDocument results = inputs.results();
        GateReport gates = inputs.gates();
        BaselineComparison comparison = inputs.comparison();
        MarkdownBudget md = new MarkdownBudget();
        // one line to read at a glance (a job summary's or a PR comment's first): the verdict, the counts, the commits
        md.line(inputs.verdict().line(inputs.noBaseline() == null ? null : escape(inputs.noBaseline())));
        md.blank();
        md.line(inputs.noBaseline() != null
                ? "# FF Bench results: no baseline was used (" + escape(inputs.noBaseline()) + ")"
                : "# FF Bench results against baseline " + escape(inputs.baseline().source()));
        md.blank();
        BaselineBanner.markdown(md, inputs.baseline());
        md.line(results.cells().size() + " cells of a " + results.matrixCells() + "-cell matrix"
                + (results.shards().isEmpty() ? "" : " (shards " + String.join(", ", results.shards()) + ")") + ": "
                + results.passedCells().size() + " passed, " + results.failedCells().size() + " failed. Generated "
                + results.generatedAt() + ".");
        md.blank();

        md.line("## Gates");
        md.blank();
        md.line((gates.violations().isEmpty() ? "**PASSED**: " : "**FAILED**: ") + gates.tally() + ".");
        MarkdownBudget.Rows warnings = md.rows(List.of(), List.of(), List.of(), "- _%d more warnings are folded: see report.html._");
        gates.warnings().forEach(warning -> warnings.add(1, "- " + cut(escape(warning))));
        List<GateOutcome> outcomes = new ArrayList<>(gates.outcomes());
        outcomes.sort(Comparator.comparingInt(o -> o.status() == GateOutcome.Status.FAILED ? 0
                : o.status() == GateOutcome.Status.SKIPPED ? 1 : 2));
        List<String> gateHeader = List.of("| status | kind | cell | metric | value | compared with | bound |",
                "|---|---|---|---|---:|---:|---|");
        MarkdownBudget.Rows notPassed = md.rows(List.of(""), gateHeader, List.of(), FOLD);
        long passed = outcomes.stream().filter(o -> o.status() == GateOutcome.Status.PASSED).count();
        MarkdownBudget.Rows passedGates = md.rows(
                List.of("", "<details><summary>" + passed + " passed " + (passed == 1 ? "gate" : "gates") + "</summary>", ""),
                gateHeader, List.of("", "</details>"), FOLD);
        for (GateOutcome outcome : outcomes) {
            String row = gateRow(outcome);
            switch (outcome.status()) {
                case FAILED -> notPassed.add(0, row);
                case SKIPPED -> notPassed.add(3, row);
                default -> passedGates.add(5, row);
            }
        }

        if (comparison != null) {
            comparison(md, comparison, inputs.baseline());
        }

        md.blank();
        md.line("## Cells");
        if (results.cells().stream().anyMatch(c -> c.isPassed() && c.result().isCapped())) {
            md.blank();
            md.line("(capped): " + CappedTraining.EXPLANATION + ".");
        }
        if (results.cells().stream().anyMatch(c -> c.isPassed() && c.result().hasDeadUnits())) {
            md.blank();
            md.line("(dead units): more than " + dev.ffbench.experiment.EvaluationDiagnostics.deadUnitBoundText()
                    + " of a layer's units never fired on the test split (named under Warnings); that accuracy is a"
                    + " net's that lost them.");
        }
        List<String> open = comparison == null ? List.of("") : List.of("", "<details><summary>All " + results.cells().size()
                + " cells</summary>", "");
        MarkdownBudget.Rows cells = md.rows(open, List.of(
                "| cell | status | test accuracy | training peak | evaluation peak | samples/s | wall |",
                "|---|---|---:|---:|---:|---:|---:|"), comparison == null ? List.of() : List.of("", "</details>"), FOLD);
        for (CellRecord cell : results.cells()) {
            if (cell.isPassed()) {
                var r = cell.result();
                cells.add(6, "| " + cell.id() + " | passed | " + Metric.TEST_ACCURACY.format(r.testAccuracy())
                        + CappedTraining.mark(r) + (r.hasDeadUnits() ? " (dead units)" : "") + " | "
                        + Metric.TRAINING_PEAK_BYTES.format(Metric.TRAINING_PEAK_BYTES.of(r))
                        + (r.memory().isHeapOutsideLedger() ? " (memory outside the ledger)" : "") + " | "
                        + Metric.EVALUATION_PEAK_BYTES.format(Metric.EVALUATION_PEAK_BYTES.of(r)) + " | "
                        + String.format(Locale.ROOT, "%,.0f", r.samplesPerSecond()) + " | "
                        + String.format(Locale.ROOT, "%.1f s", cell.wallSeconds()) + " |");
            } else {
                cells.add(2, "| " + cell.id() + " | **failed**: " + cut(escape(cell.failure())) + " | | | | | "
                        + String.format(Locale.ROOT, "%.1f s", cell.wallSeconds()) + " |");
            }
        }
        EnvironmentFingerprint env = results.fingerprint();
        if (env != null) {
            md.blank();
            md.line("## Environment");
            md.blank();
            md.line("Java " + env.javaVersion() + " (" + escape(env.javaVm()) + "), ND4J " + env.nd4jVersion() + " "
                    + env.nd4jBackend() + ", BLAS " + env.blasVendor() + " (OPENBLAS_CORETYPE " + env.openblasCoreType()
                    + "), " + escape(env.cpuModel()) + ", " + env.availableProcessors() + " processors, " + env.threads()
                    + " thread(s) per cell.");
        }
        return md.render(LIMIT);
    }

    /** The comparison with the baseline: changed cells (regressions first), then the unchanged ones folded. */
    private static void comparison(MarkdownBudget md, BaselineComparison comparison, Baseline baseline) {
        md.blank();
        md.line("## Comparison with the baseline");
        md.blank();
        md.line("Baseline " + escape(baseline.source()) + ", generated " + baseline.document().generatedAt() + ": "
                + comparison.tally() + ". " + BaselineComparison.HOW_TO_READ);
        List<String> header = List.of("| change | cell | training peak | Δ training peak | evaluation peak | Δ evaluation peak"
                        + " | test accuracy | Δ test accuracy | samples/s | Δ samples/s |",
                "|---|---|---:|---:|---:|---:|---:|---|---:|---|");
        MarkdownBudget.Rows changed = md.rows(List.of(""), header, List.of(), FOLD);
        List<Row> unchangedRows = comparison.rows(Change.UNCHANGED);
        MarkdownBudget.Rows unchanged = md.rows(List.of("", "<details><summary>" + unchangedRows.size() + " unchanged "
                + (unchangedRows.size() == 1 ? "cell" : "cells") + "</summary>", ""), header, List.of("", "</details>"), FOLD);
        for (Row row : comparison.rows()) {
            switch (row.change()) {
                case REGRESSION, FAILED, OTHER_DATA -> changed.add(1, comparisonRow(row));
                case UNCHANGED -> unchanged.add(4, comparisonRow(row));
                default -> changed.add(2, comparisonRow(row));
            }
        }
        if (!comparison.notInResults().isEmpty()) {
            md.blank();
            md.line(cut(comparison.notInResults().size() + " baseline cells are not in these results: "
                    + String.join(", ", comparison.notInResults()) + "."));
        }
    }

    /** One row of the comparison table; the figures whose gate fails are bold. */
    static String comparisonRow(Row row) {
        String change = row.change() == Change.REGRESSION || row.change() == Change.FAILED || row.change() == Change.OTHER_DATA
                ? "**" + row.change().label() + "**" : row.change().label();
        if (row.training() == null) {
            return "| " + change + " | " + row.cell() + " | " + cut(escape(row.note())) + " | | | | | | | |";
        }
        // a compared cell whose spec differs says so beside its id: its deltas are a change of configuration
        String cell = BaselineComparison.specDiffers(row) ? row.cell() + " (" + cut(escape(row.note())) + ")" : row.cell();
        return "| " + change + " | " + cell + " | " + row.training().nowText() + " | "
                + bold(row, Metric.TRAINING_PEAK_BYTES, row.training().deltaText()) + " | " + row.evaluation().nowText()
                + " | " + bold(row, Metric.EVALUATION_PEAK_BYTES, row.evaluation().deltaText()) + " | "
                + row.accuracy().nowText() + " | " + bold(row, Metric.TEST_ACCURACY, escape(row.accuracy().deltaText()))
                + " | " + row.speed().nowText() + " | " + bold(row, Metric.SAMPLES_PER_SECOND, row.speed().deltaText())
                + " |";
    }

    private static String bold(Row row, Metric metric, String text) {
        return row.regressed().contains(metric) && !text.isEmpty() ? "**" + text + "**" : text;
    }

    private static String gateRow(GateOutcome outcome) {
        return "| " + outcome.status().name().toLowerCase(Locale.ROOT) + " | " + outcome.kind().key() + " | "
                + escape(outcome.cell()) + " | " + (outcome.metric() == null ? "" : outcome.metric().key()) + " | "
                + value(outcome, outcome.value()) + " | " + comparedWith(outcome) + " | " + escape(outcome.bound()) + " |";
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

    private static String cut(String text) {
        return text.length() <= WARNING_LIMIT ? text
                : text.substring(0, WARNING_LIMIT) + "… (" + String.format(Locale.ROOT, "%,d", text.length() - WARNING_LIMIT)
                        + " more characters: see report.html)";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
