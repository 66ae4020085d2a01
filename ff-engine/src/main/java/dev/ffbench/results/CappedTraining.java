package dev.ffbench.results;

import dev.ffbench.experiment.ExperimentResult;

/**
 * The one wording of an accuracy from training cut short by {@code maxStepsPerEpoch}
 * ({@link ExperimentResult#isCapped}), shared by the log, the summary, the workflow annotations, the
 * report and the gates' warnings and notes: such a cell is run for its memory figures, which do not depend on the number of steps, and its
 * accuracy and speed must never read as the algorithm's (the report also leaves the cell out of its
 * accuracy and speed charts).
 */
public final class CappedTraining {
    /** What "capped" means, for a legend beside a table or a chart: "trained on a capped number of steps ...". */
    public static final String EXPLANATION = "trained on a capped number of steps per epoch (maxStepsPerEpoch) for its"
            + " memory figures, which do not depend on it; that accuracy and speed are not a trained net's";

    private CappedTraining() {}

    /** "training capped at N steps per epoch" for a capped result, "" otherwise. */
    public static String text(ExperimentResult result) {
        return result.isCapped() ? "training capped at " + result.spec().maxStepsPerEpoch() + " steps per epoch" : "";
    }

    /** " (training capped at N steps per epoch)" for a capped result, "" otherwise: the log's form. */
    public static String note(ExperimentResult result) {
        return result.isCapped() ? " (" + text(result) + ")" : "";
    }

    /** " (capped)" for a capped result, "" otherwise: the short form for table cells. */
    public static String mark(ExperimentResult result) {
        return result.isCapped() ? " (capped)" : "";
    }

    /**
     * " after training capped at N steps per epoch (maxStepsPerEpoch: ...)" for a capped result, "" otherwise:
     * the form that follows the reasons a cell's predictions are degenerate (a capped memory cell is expected
     * not to have learned).
     */
    public static String after(ExperimentResult result) {
        return result.isCapped() ? " after " + text(result) + " (maxStepsPerEpoch: its peaks are exact, its accuracy is"
                + " not a trained net's)" : "";
    }

    /**
     * "; note: ID's training was capped at N steps per epoch (maxStepsPerEpoch), so ..." for a capped result,
     * "" otherwise: the note on an accuracy gate that judged such a cell.
     */
    public static String gateNote(String cellId, ExperimentResult result) {
        return result.isCapped() ? "; note: " + cellId + "'s training was capped at " + result.spec().maxStepsPerEpoch()
                + " steps per epoch (maxStepsPerEpoch), so its accuracy is not a trained net's: set maxStepsPerEpoch=0"
                + " for the cells an accuracy rule judges" : "";
    }
}
