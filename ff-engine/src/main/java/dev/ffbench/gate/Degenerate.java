package dev.ffbench.gate;

import dev.ffbench.experiment.EvaluationDiagnostics;
import dev.ffbench.results.CappedTraining;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;

/**
 * A cell whose test predictions are degenerate (every unit of a layer dead, one label for nearly every
 * image, ties, or accuracy at chance; see {@link dev.ffbench.experiment.EvaluationDiagnostics}) has an
 * accuracy that says nothing about learning: it is named in a warning, and no accuracy gate passes on it.
 * Likewise a cell whose training steps kept memory outside the ledger (Java heap beyond
 * {@link dev.ffbench.memory.MemoryLedger#HEAP_BOUND_BYTES_PER_STEP} per step) has peaks that understate
 * what it needs: it is named in a warning, and no memory gate passes on it.
 */
final class Degenerate {
    private Degenerate() {}

    /** Why a gate of {@code metric} on {@code cell} cannot pass (its accuracy or its memory figure misleads), or null. */
    static String veto(Metric metric, CellRecord cell) {
        String accuracy = accuracyVeto(metric, cell);
        return accuracy != null ? accuracy : memoryVeto(metric, cell);
    }

    /** Why a memory gate on {@code cell} cannot pass, or null (not a memory metric, or nothing outside the ledger). */
    static String memoryVeto(Metric metric, CellRecord cell) {
        if (metric.unit() != Metric.Unit.BYTES || !cell.isPassed() || !cell.result().memory().isHeapOutsideLedger()) {
            return null;
        }
        return "but " + cell.id() + " keeps " + cell.result().memory().outsideLedgerNote()
                + ": its peaks understate the memory it needs, which is no pass";
    }

    /** How both vetoes end: a violation that says so is one a new baseline cannot fix. */
    static final String NO_PASS = " is no pass";

    /** Whether {@code outcome} failed by a veto (memory outside the ledger, predictions of a net that did not learn). */
    static boolean vetoed(GateOutcome outcome) {
        return outcome.failed() && outcome.detail() != null && outcome.detail().contains(NO_PASS);
    }

    /** The warning about a passed cell with memory outside the ledger, or null (see {@link CellWarnings}). */
    static String outsideLedgerWarning(CellRecord cell) {
        if (!cell.isPassed() || !cell.result().memory().isHeapOutsideLedger()) {
            return null;
        }
        return cell.id() + ": " + cell.result().memory().outsideLedgerNote() + "; its memory peaks understate what it"
                + " needs: keep batch-sized data in the step's workspace (Batch.pixels(), arrays made in the step) instead"
                + " of Java arrays";
    }

    /** Why an accuracy gate on {@code cell} cannot pass, or null (not an accuracy metric, or predictions are sound). */
    static String accuracyVeto(Metric metric, CellRecord cell) {
        if (metric.unit() != Metric.Unit.FRACTION || !cell.isPassed() || !cell.result().isDegenerate()) {
            return null;
        }
        return "but " + cell.id() + "'s predictions are degenerate (" + String.join("; ",
                cell.result().evaluation().degenerate()) + ")" + CappedTraining.after(cell.result()) + ": an accuracy from a net that did not learn is no pass";
    }

    /** The warning about a passed cell whose predictions are degenerate, or null (see {@link CellWarnings}). */
    static String warning(CellRecord cell) {
        if (!cell.isPassed() || !cell.result().isDegenerate()) {
            return null;
        }
        return cell.id() + ": the test predictions are degenerate (" + String.join("; ", cell.result().evaluation()
                .degenerate()) + ")" + CappedTraining.after(cell.result()) + "; its accuracy is not a measure of learning";
    }

    /** The warning about a passed cell that lost units (see {@link #deadUnitsNote}), or null (see {@link CellWarnings}). */
    static String deadUnitsWarning(CellRecord cell) {
        if (!cell.isPassed() || !cell.result().hasDeadUnits()) {
            return null;
        }
        return cell.id() + ": dead units on the test split (" + cell.result().deadUnitsText() + "; the bound is "
                + EvaluationDiagnostics.deadUnitBoundText() + " of a layer): its accuracy is that of a net that lost those units (dying ReLUs)";
    }

    /**
     * For an accuracy gate on a cell that lost units (more than the bound of a layer never fired, see
     * {@link dev.ffbench.experiment.ExperimentResult#hasDeadUnits}): a note naming each such layer and its
     * share, on a passed gate as on a failed one, so that such a pass is never silent; else "". Not a veto:
     * the accuracy is the net's real one.
     */
    static String deadUnitsNote(Metric metric, CellRecord cell) {
        if (metric.unit() != Metric.Unit.FRACTION || !cell.isPassed() || !cell.result().hasDeadUnits()) {
            return "";
        }
        return "; note: " + cell.id() + " has dead units (" + cell.result().deadUnitsText() + "; bound "
                + EvaluationDiagnostics.deadUnitBoundText() + ")";
    }


    /**
     * For an accuracy gate on a cell whose training maxStepsPerEpoch cut short, and whose predictions
     * are not degenerate (that veto says it already): a note that the accuracy is a capped run's; else "".
     */
    static String cappedNote(Metric metric, CellRecord cell) {
        if (metric.unit() != Metric.Unit.FRACTION || !cell.isPassed() || !cell.result().isCapped()
                || cell.result().isDegenerate()) {
            return "";
        }
        return CappedTraining.gateNote(cell.id(), cell.result());
    }
}
