package dev.ffbench.harness;

import dev.ffbench.experiment.ExperimentResult;

/**
 * How the log and the summary mark an accuracy from training cut short by {@code maxStepsPerEpoch}
 * ({@link ExperimentResult#isCapped}): such a cell is run for its memory figures, which do not depend
 * on the number of steps, and its accuracy and speed must never read as the algorithm's (the report
 * says the same in its cell table and leaves the cell out of its accuracy and speed charts).
 */
final class CappedTraining {
    private CappedTraining() {}

    /** " (training capped at N steps per epoch)" for a capped result, "" otherwise. */
    static String note(ExperimentResult result) {
        return result.isCapped()
                ? " (training capped at " + result.spec().maxStepsPerEpoch() + " steps per epoch)"
                : "";
    }

    /** " (capped)" for a capped result, "" otherwise: the short form for table cells. */
    static String mark(ExperimentResult result) {
        return result.isCapped() ? " (capped)" : "";
    }
}
