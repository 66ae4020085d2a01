package dev.ffbench.harness;

import dev.ffbench.experiment.ExperimentSpec;

/**
 * How the log and the summary mark an accuracy from training capped at {@code maxStepsPerEpoch}
 * steps: such a cell is run for its memory figures, which do not depend on the number of steps, and
 * its accuracy must never read as the algorithm's (the report says the same in its cell table and
 * leaves the cell out of its accuracy charts).
 */
final class CappedTraining {
    private CappedTraining() {}

    /** " (training capped at N steps per epoch)" for a capped spec, "" otherwise. */
    static String note(ExperimentSpec spec) {
        return spec.maxStepsPerEpoch() > 0
                ? " (training capped at " + spec.maxStepsPerEpoch() + " steps per epoch)"
                : "";
    }

    /** " (capped)" for a capped spec, "" otherwise: the short form for table cells. */
    static String mark(ExperimentSpec spec) {
        return spec.maxStepsPerEpoch() > 0 ? " (capped)" : "";
    }
}
