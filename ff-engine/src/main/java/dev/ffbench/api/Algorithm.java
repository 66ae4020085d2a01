package dev.ffbench.api;

import dev.ffbench.api.Model;
import java.util.List;

/**
 * An algorithm under benchmark: FF Base, FF Recurrent, backprop, or a user's own. Implementations
 * are discovered with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.ffbench.api.Algorithm} of its jar or classes directory. The
 * class needs a public no-argument constructor that does no ND4J work (the harness instantiates it
 * in the Maven JVM to list and validate names and options before any cell runs).
 *
 * <p>A run gives the algorithm the shared spec fields (dataset, depth, width, epochs, batch size,
 * optimizer, learning rate, seed, threads, steps) and the values of the options it declares in
 * {@link #options()}, defaults filled in; the algorithm builds a {@link Model}, whose training phases
 * and predictor the engine runs inside the allocation guard, measuring them with the exact memory ledger.
 */
public interface Algorithm {

    /**
     * The name used in specs and POMs, e.g. {@code ff-base}: lower-case letters, digits and '-', unique
     * among all discovered algorithms.
     */
    String name();

    /** One line for listings, e.g. "Hinton's supervised Forward-Forward (2022), label in the input". */
    String description();

    /**
     * The options this algorithm reads, with their defaults and allowed values; the engine refuses any
     * other option for it. An option named {@code goodness} of type {@link Option.Type#GOODNESS} makes
     * the matrix's goodness axis multiply this algorithm's cells.
     */
    default List<Option<?>> options() {
        return List.of();
    }

    /**
     * Its role and what the report's fairness note compares for a run of {@code spec}: normalization,
     * rows per step, what finished layers keep. Recorded in the result. The default is a candidate that
     * declares nothing (the note then says so instead of guessing).
     */
    default AlgorithmTraits traits(ExperimentSpec spec) {
        return AlgorithmTraits.undeclared();
    }

    /** The learning rate when the spec sets none. */
    default double defaultLearningRate() {
        return 0.001;
    }

    /**
     * Images per step (the spec's {@code batchSize}) when the user sets none, or null (the default) for
     * the spec's own default ({@link ExperimentSpec#defaults()}).
     */
    default Integer defaultBatchSize() {
        return null;
    }

    /**
     * Problems that involve several fields at once (each option alone is already checked against its
     * declaration), each naming the fields, the values and what is allowed; e.g. FF Recurrent's
     * "scoreFrom..scoreTo is 3..9; allowed: 1 <= scoreFrom <= scoreTo <= iterations (8)".
     *
     * @param spec a spec of this algorithm whose options are all valid
     */
    default List<String> problems(ExperimentSpec spec) {
        return List.of();
    }

    /**
     * Problems of {@code spec} with the data it runs on, checked in the cell's JVM once the dataset is
     * read and before the model is built; each names the field, the value and what is allowed, and
     * fails the run as a bad spec (exit code 2). E.g. FF Base: "labelMode is 'overlay', but dataset X has 9
     * inputs per image (3x3), fewer than its 10 classes: the one-hot label cannot be overlaid; allowed:
     * labelMode=append (the label as 10 extra inputs)".
     *
     * @param spec a spec of this algorithm that passed {@link #problems(ExperimentSpec)}
     * @param data the dataset's image shape (height, width, channels; input size = their product) and K
     */
    default List<String> problems(ExperimentSpec spec, dev.ffbench.dataset.DatasetShape data) {
        return List.of();
    }

    /**
     * A freshly initialized model. Persistent arrays (parameters, gradients, optimizer state) must be
     * created through {@link ModelContext#memory()}; per-step arrays inside the step the engine runs
     * (its step workspace, or {@link dev.ffbench.api.Batch#scratch()} for one layer's temporaries).
     * Anything else fails the run (the allocation guard).
     */
    Model build(ModelContext context);

    /**
     * The fewest bytes a run of {@code spec} must hold, computed from the layer shapes before any cell
     * runs, so that a cell which cannot fit in its forked JVM's memory is refused with its size instead of
     * dying in a native allocation: the persistent memory at the training peak (parameters, plus the
     * gradients and optimizer state of the layers training then), exactly as the ledger will count it.
     * The working set (activations, temporaries) comes on top, so this is a lower bound of the training
     * peak. Arithmetic past {@link Long#MAX_VALUE} saturates there. Empty (the default) when the algorithm
     * does not say: its cells then run unchecked.
     *
     * @param spec a resolved spec of this algorithm
     * @param inputSize values per image of the dataset
     * @param classes K, the number of classes
     */
    default java.util.OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) {
        return java.util.OptionalLong.empty();
    }
}
