package dev.ffbench.gate;

import dev.ffbench.harness.CellRecord;

/**
 * A cell whose test predictions are degenerate (every unit of a layer dead, one label for nearly every
 * image, ties, or accuracy at chance; see {@link dev.ffbench.experiment.EvaluationDiagnostics}) has an
 * accuracy that says nothing about learning: it is named in a warning, and no accuracy gate passes on it.
 */
final class Degenerate {
    private Degenerate() {}

    /** Why an accuracy gate on {@code cell} cannot pass, or null (not an accuracy metric, or predictions are sound). */
    static String accuracyVeto(Metric metric, CellRecord cell) {
        if (metric.unit() != Metric.Unit.FRACTION || !cell.isPassed() || !cell.result().isDegenerate()) {
            return null;
        }
        return "but " + cell.id() + "'s predictions are degenerate (" + String.join("; ",
                cell.result().evaluation().degenerate()) + "): an accuracy from a net that did not learn is no pass";
    }

    /** The warning for the log, the summary and the report. */
    static String warning(CellRecord cell) {
        return cell.id() + ": the test predictions are degenerate (" + String.join("; ",
                cell.result().evaluation().degenerate()) + "); its accuracy is not a measure of learning";
    }
}
