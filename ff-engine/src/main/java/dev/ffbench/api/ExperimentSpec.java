package dev.ffbench.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines one run: the fields every algorithm shares, and the options of its
 * algorithm ({@link Options}, declared by the {@link Algorithm}). {@code batchSize} is images per
 * step (FF trains on that many positives plus as many negatives, backprop on that many images);
 * {@code learningRate} is the configured one or, once resolved, the algorithm's default;
 * {@code maxStepsPerEpoch} 0 means the whole training split. {@code evaluateEvery} N > 0 measures
 * the test accuracy every N epochs of training (outside the training time; 0: only at the end),
 * and {@code targetAccuracy}, when set, is the test accuracy whose training seconds the result
 * reports as {@code secondsToAccuracy}. Build specs with the engine's spec resolver ({@code dev.ffbench.experiment.SpecResolver}), which checks every field and fills in
 * the algorithm's option defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(
        String algorithm,
        String dataset,
        int depth,
        int width,
        int epochs,
        int batchSize,
        String optimizer,
        Double learningRate,
        long seed,
        int threads,
        int maxStepsPerEpoch,
        int evaluateEvery,
        Double targetAccuracy,
        Options options) {

    /** The fields every algorithm shares, in the order the spec writes them. */
    public static final List<String> SHARED_FIELDS = List.of("algorithm", "dataset", "depth", "width", "epochs",
            "batchSize", "optimizer", "learningRate", "seed", "threads", "maxStepsPerEpoch", "evaluateEvery",
            "targetAccuracy");
    public static final List<String> OPTIMIZERS = List.of("adam", "sgd");

    public ExperimentSpec {
        options = options == null ? Options.NONE : options;
    }

    /** Threads when none are configured: the fastest measured on the project's 2-core machines (docs/performance.md, Speed). */
    public static final int DEFAULT_THREADS = 2;

    /**
     * Images per step when neither the user nor the algorithm sets one: 64 gives FF's local losses 4x
     * the optimizer updates per epoch of 256, which they need (docs/engine-cli.md, Spec fields); backprop and FF
     * Recurrent run at the same batch so that cells compare like for like.
     */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /**
     * The default experiment (FF Base on mnist-sample, 784-500-500, 10 epochs), before the algorithm's
     * defaults: the one place the shared fields' defaults live (the matrix changes only epochs and
     * steps per epoch, see {@code dev.ffbench.matrix.DefaultMatrix}).
     */
    public static ExperimentSpec defaults() {
        return new ExperimentSpec("ff-base", "mnist-sample", 2, 500, 10, DEFAULT_BATCH_SIZE, "adam", null, 1,
                DEFAULT_THREADS, 0, 0, null, Options.NONE);
    }

    /** This spec with other defaults for what the matrix decides: epochs and steps per epoch. */
    public ExperimentSpec withTraining(int epochs, int maxStepsPerEpoch) {
        return new ExperimentSpec(algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate, seed,
                threads, maxStepsPerEpoch, evaluateEvery, targetAccuracy, options);
    }

    /** The goodness function this run uses (its option {@code goodness}), or null for algorithms without one. */
    @JsonIgnore
    public String goodness() {
        Object value = options.values().get("goodness");
        return value == null ? null : value.toString();
    }

    /** This spec trained for one epoch of at most {@code steps} steps (per phase). */
    public ExperimentSpec withSteps(int steps) {
        return new ExperimentSpec(algorithm, dataset, depth, width, 1, batchSize, optimizer, learningRate, seed,
                threads, steps, 0, null, options);
    }

    /** This spec with other options. */
    public ExperimentSpec withOptions(Options replacement) {
        return new ExperimentSpec(algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate, seed,
                threads, maxStepsPerEpoch, evaluateEvery, targetAccuracy, Objects.requireNonNull(replacement));
    }
}
