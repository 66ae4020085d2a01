package dev.ffbench.experiment;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.GoodnessFunctions;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Optimizer;

/**
 * What an {@link Algorithm} gets to build its model with.
 *
 * @param spec the resolved spec: shared fields and this algorithm's options, defaults filled in
 * @param inputSize values per image (height x width x channels of the dataset)
 * @param classes the number of classes K; labels are 0..K-1
 * @param memory the persistent ledger: every parameter, gradient and optimizer-state array of the model
 * @param extensions the discovered algorithms, goodness functions and dataset sources
 */
public record ModelContext(ExperimentSpec spec, int inputSize, int classes, PersistentMemory memory,
        Extensions extensions) {

    /** The goodness function named by option {@code option} (e.g. "goodness"). */
    public GoodnessFunction goodness(String option) {
        return extensions.goodness(spec.options().text(option));
    }

    /**
     * The layer loss of goodness function {@code goodness} for a layer of {@code units} units, with the
     * options {@code threshold} and {@code alpha} when the algorithm declares and the user set them,
     * else the function's own threshold and sharpness.
     */
    public LayerLoss layerLoss(GoodnessFunction goodness, int units) {
        return GoodnessFunctions.layerLoss(goodness, spec.options().optionalNumber("threshold"),
                spec.options().optionalNumber("alpha"), units);
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
