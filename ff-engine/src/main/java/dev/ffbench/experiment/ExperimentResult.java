package dev.ffbench.experiment;

import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.memory.MemoryLedger;
import java.util.List;

/**
 * The result of one run, as the harness reads it back. {@code schemaVersion} changes whenever a
 * field changes meaning or disappears. {@code dataset} is what the run was measured on: image counts
 * and shape, the number of classes K and the data's fingerprint (null in results written before it was
 * recorded); the chance level is in {@code evaluation}. Accuracies are
 * fractions in [0, 1] (a tied prediction counts as wrong); {@code evalSeconds} times the test-split
 * evaluation; {@code samplesPerSecond} is training images x epochs over training seconds (for layerwise
 * FF an epoch is every layer once over the data); {@code curve} is the test accuracy against training
 * seconds (every {@code evaluateEvery} epochs, and at the end); {@code secondsToAccuracy} the training
 * seconds of its first point at or above the spec's {@code targetAccuracy} (null when the target is
 * unset or never reached); {@code evaluation} says whether the test predictions show learning at all;
 * {@code traits} is what the algorithm declared of itself for the fairness note (null in results written
 * before it was recorded); {@code epochSeconds} the wall-clock seconds of every epoch of every training
 * phase, in training order ({@link EpochSeconds}; null in results written before it was recorded), so
 * that a first epoch slowed by JIT compilation shows beside the steady ones.
 */
public record ExperimentResult(
        int schemaVersion,
        ExperimentSpec spec,
        DatasetSummary dataset,
        double trainAccuracy,
        double testAccuracy,
        List<EpochLoss> losses,
        MemoryLedger memory,
        double trainSeconds,
        double evalSeconds,
        double samplesPerSecond,
        List<CurvePoint> curve,
        Double secondsToAccuracy,
        EvaluationDiagnostics evaluation,
        RunEnvironment environment,
        AlgorithmTraits traits,
        List<EpochSeconds> epochSeconds) {

    /** This result of {@code other} spec (a cell's spec, which a results document stores once, beside its result). */
    public ExperimentResult withSpec(ExperimentSpec other) {
        return new ExperimentResult(schemaVersion, other, dataset, trainAccuracy, testAccuracy, losses, memory, trainSeconds,
                evalSeconds, samplesPerSecond, curve, secondsToAccuracy, evaluation, environment, traits, epochSeconds);
    }

    /** Whether the predictions are degenerate (see {@link EvaluationDiagnostics#of}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDegenerate() {
        return evaluation != null && evaluation.isDegenerate();
    }

    /**
     * Whether a layer lost more than {@link EvaluationDiagnostics#DEAD_UNIT_BOUND} of its units (see
     * {@link EvaluationDiagnostics#deadUnitLayers}). A capped run is not a trained net, whose dead units
     * would say nothing (its accuracy is already marked capped), and a degenerate one says so already.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean hasDeadUnits() {
        return evaluation != null && !isCapped() && !isDegenerate() && !evaluation.deadUnitLayers().isEmpty();
    }

    /** "layer 1: 89.00 % of its units never fired; layer 2: ..." for a result that {@link #hasDeadUnits}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String deadUnitsText() {
        return String.join("; ", evaluation.deadUnitLayers());
    }

    /**
     * Whether {@code maxStepsPerEpoch} cut the training short: a cap below the steps an epoch of the
     * training split takes (ceil(train images / batchSize)). Such a cell runs for its memory figures,
     * which do not depend on the number of steps; its accuracy and speed are not a trained run's. A
     * cap at or above the split's steps trains the whole split and is no cut; without a dataset summary
     * (results written before it was recorded) any cap counts.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCapped() {
        int cap = spec.maxStepsPerEpoch();
        if (cap == 0) {
            return false;
        }
        if (dataset == null) {
            return true;
        }
        long stepsPerEpoch = ((long) dataset.trainImages() + spec.batchSize() - 1) / spec.batchSize();
        return cap < stepsPerEpoch;
    }

    public static final int SCHEMA_VERSION = 2;
}
