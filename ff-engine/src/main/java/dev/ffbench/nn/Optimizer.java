package dev.ffbench.nn;

import dev.ffbench.io.Problem;
import dev.ffbench.memory.PersistentMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Turns gradients into parameter updates; its per-parameter state lives in the persistent ledger. */
public interface Optimizer {

    /** Attaches state (if any) to one parameter array. */
    Updater attach(INDArray parameter, PersistentMemory memory);

    /**
     * Multiplies the learning rate of every later step of every bound parameter by {@code factor} (a
     * {@link LearningRateSchedule}'s value at this step; 1 is the configured rate).
     */
    default void scaleLearningRate(double factor) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no learning-rate schedule");
    }

    /** The update rule bound to one parameter. */
    interface Updater {
        /** Applies one step; {@code gradient} may be overwritten. */
        void step(INDArray gradient);

        /** Frees the state (a finished FF layer keeps weights only). */
        void release(PersistentMemory memory);
    }

    /**
     * How many values of state the optimizer {@code name} keeps per parameter value: Adam 2 (its two
     * moments), SGD 0; what {@link dev.ffbench.api.Algorithm#minimumBytes} counts.
     */
    static int stateValuesPerParameter(String name) {
        return switch (name) {
            case "adam" -> 2;
            case "sgd" -> 0;
            default -> throw new IllegalArgumentException(unknown(name).message());
        };
    }

    static Optimizer named(String name, double learningRate) {
        return named(name, learningRate, 0);
    }

    /** The optimizer {@code name} with L2 weight decay {@code weightDecay} on every parameter it updates. */
    static Optimizer named(String name, double learningRate, double weightDecay) {
        return switch (name) {
            case "adam" -> new Adam(learningRate, weightDecay);
            case "sgd" -> new Sgd(learningRate, weightDecay);
            default -> throw new IllegalArgumentException(unknown(name).message());
        };
    }

    /** The problem with an optimizer name that is neither of the two. */
    private static Problem unknown(String name) {
        return Problem.found("optimizer '" + name + "'", "is unknown", "adam, sgd");
    }
}
