package dev.ffbench.api;

import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.GoodnessFunctions;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Optimizer;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * What an {@link Algorithm} gets to build its model with.
 *
 * @param spec the resolved spec: shared fields and this algorithm's options, defaults filled in
 * @param shape the dataset's image shape (height, width, channels) and its number of classes K
 * @param memory the persistent ledger: every parameter, gradient and optimizer-state array of the model
 * @param random random numbers for the model's initialization, split from the run's seed (the engine
 *     shuffles and hands each step the run's own: {@code Batch.random()})
 * @param goodnessFunctions the goodness functions the engine discovered (built in and the project's), by name
 */
public record ModelContext(ExperimentSpec spec, DatasetShape shape, PersistentMemory memory, SplittableRandom random,
        Function<String, GoodnessFunction> goodnessFunctions) {

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
        return goodnessFunctions.apply(option.of(spec));
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

    /**
     * The learning rate: the configured one, else the algorithm's default, which the engine fills into
     * every spec it runs.
     *
     * @throws IllegalStateException for a spec the engine did not resolve (no learning rate)
     */
    public double learningRate() {
        if (spec.learningRate() == null) {
            throw new IllegalStateException("the spec of " + spec.algorithm() + " has no learning rate: resolve it first");
        }
        return spec.learningRate();
    }
}
