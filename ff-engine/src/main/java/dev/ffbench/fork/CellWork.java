package dev.ffbench.fork;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.experiment.ExperimentRunner;

/**
 * What one cell runs, as an estimate of its multiply-adds: the weight {@link Progress} gives it in the ETA.
 * Training: epochs x the images an epoch trains on (the whole split, or the cap's steps x batch) x the
 * passes each image takes; evaluation: the test and training splits x the passes each image's prediction
 * takes; a pass over the net costs input x width + (depth - 1) x width^2 + width x classes.
 *
 * <p>The passes are read from the spec: an FF algorithm (one with a goodness function) trains on a
 * positive and a negative per image; options named {@code iterations} (time steps per image while
 * training) and {@code scoreTo} (time steps per label while predicting) multiply the passes, and
 * such an algorithm predicts by trying every label, as does a {@code readout} of goodness (FF Recurrent
 * evaluates 10 label passes of 5 time steps per image). A capped cell evaluates only its first
 * {@code maxStepsPerEpoch} batches of each split. Only the relative weights of cells matter: the seconds
 * per unit are learnt from the cells already done.
 */
final class CellWork {
    /** Forward, backward and update of a training pass, against the forward alone of a prediction. */
    private static final double TRAINING_PASS = 3;
    /**
     * A recurrent time step's weight against a pass: it computes bottom-up and top-down inputs of every
     * layer, but the images' product once per batch rather than per step, so a step costs less than a pass
     * of its own. Fitted to the quiet default run (mnist-sample, 4 epochs, depth 2, issue 23's fused FF
     * Recurrent), with FF Base's cells fixing the seconds per multiply-add and per cell: 0.39 at width 64,
     * 0.21 at width 256, hence 0.3.
     */
    private static final double RECURRENT_STEP = 0.3;

    private CellWork() {}

    /** The estimated multiply-adds of the cell {@code spec} on {@code data} (its image counts and shape). */
    static double of(ExperimentSpec spec, DatasetSummary data) {
        double input = (double) data.height() * data.width() * data.channels();
        double pass = input * spec.width() + (spec.depth() - 1.0) * spec.width() * spec.width()
                + (double) spec.width() * data.classes();
        double imagesPerEpoch = spec.maxStepsPerEpoch() > 0
                ? Math.min((double) spec.maxStepsPerEpoch() * spec.batchSize(), data.trainImages()) : data.trainImages();
        Integer iterations = integerOption(spec, "iterations");
        Integer scoreTo = integerOption(spec, "scoreTo");
        double rowsPerImage = spec.goodness() != null ? 2 : 1;
        double trainingPasses = rowsPerImage * TRAINING_PASS * (iterations == null ? 1 : 1 + RECURRENT_STEP * iterations);
        boolean triesEveryLabel = iterations != null || String.valueOf(spec.options().values().get("readout")).startsWith("goodness");
        double predictionPasses = (triesEveryLabel ? data.classes() : 1)
                * (scoreTo == null ? 1 : 1 + RECURRENT_STEP * scoreTo);
        double training = spec.epochs() * imagesPerEpoch * trainingPasses * pass;
        int batches = ExperimentRunner.cappedEvaluationBatches(spec, data.trainImages());
        double evaluation = (evaluated(data.trainImages(), batches, spec) + evaluated(data.testImages(), batches, spec))
                * predictionPasses * pass;
        return training + evaluation;
    }

    /** The images of a split of {@code images} that an evaluation of {@code batches} batches (0: all) predicts. */
    private static double evaluated(int images, int batches, ExperimentSpec spec) {
        return batches == 0 ? images : Math.min(images, (double) batches * spec.batchSize());
    }

    private static Integer integerOption(ExperimentSpec spec, String name) {
        return spec.options().values().get(name) instanceof Integer value ? value : null;
    }
}
