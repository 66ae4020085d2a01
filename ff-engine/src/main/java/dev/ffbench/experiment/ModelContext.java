package dev.ffbench.experiment;

import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.GoodnessFunctions;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Optimizer;
import java.util.SplittableRandom;

/**
 * What an {@link Algorithm} gets to build its model with.
 *
 * @param spec the resolved spec: shared fields and this algorithm's options, defaults filled in
 * @param shape the dataset's image shape (height, width, channels) and its number of classes K
 * @param memory the persistent ledger: every parameter, gradient and optimizer-state array of the model
 * @param extensions the discovered algorithms, goodness functions and dataset sources
 * @param random random numbers for the model's initialization, split from the run's seed (the engine
 *     shuffles and hands each step the run's own: {@code Batch.random()})
 */
public record ModelContext(ExperimentSpec spec, DatasetShape shape, PersistentMemory memory, Extensions extensions,
        SplittableRandom random) {

    /** Values per image: height x width x channels. */
    public int inputSize() {
        return shape.inputSize();
    }

    /** The number of classes K; labels are 0..K-1. */
    public int classes() {
        return shape.classes();
    }

    /** This run's value of {@code option}, with its type (see {@link Option#of(ExperimentSpec)}). */
    public <T> T option(Option<T> option) {
        return option.of(spec);
    }

    /** The goodness function that {@code option} (an {@link Option#goodness} option) names in this run. */
    public GoodnessFunction goodness(Option<String> option) {
        return extensions.goodness(option.of(spec));
    }

    /**
     * The layer loss of goodness function {@code goodness} for a layer of {@code units} units: Hinton's
     * threshold loss at {@code threshold} with sharpness {@code alpha}, each null for the function's own.
     */
    public LayerLoss layerLoss(GoodnessFunction goodness, int units, Double threshold, Double alpha) {
        return GoodnessFunctions.layerLoss(goodness, threshold, alpha, units);
    }

    /** The spec's optimizer at its effective learning rate (one instance can serve every layer). */
    public Optimizer optimizer() {
        return Optimizer.named(spec.optimizer(), learningRate());
    }

    /** The learning rate: the configured one, else the algorithm's default (the resolver fills it in). */
    public double learningRate() {
        return spec.learningRate() != null ? spec.learningRate() : extensions.algorithm(spec.algorithm()).defaultLearningRate();
    }
}
