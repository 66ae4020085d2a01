package dev.ffbench.results;

import dev.ffbench.experiment.ExperimentResult;

/**
 * The one wording of an accuracy from training cut short by {@code maxStepsPerEpoch}
 * ({@link ExperimentResult#isCapped}), shared by the log, the summary, the workflow annotations and the
 * report: such a cell is run for its memory figures, which do not depend on the number of steps, and its
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
}
