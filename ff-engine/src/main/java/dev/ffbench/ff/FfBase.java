package dev.ffbench.ff;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.LayerArithmetic;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LearningRateSchedule;
import dev.ffbench.nn.Optimizer;
import java.util.List;
import java.util.OptionalLong;

/** Hinton's supervised Forward-Forward ("ff-base"; Hinton 2022, sections 3.1-3.3). */
public final class FfBase implements Algorithm {
    public static final String NAME = "ff-base";

    static final Option<String> SCHEDULE = Option.choice("schedule", "layerwise", List.of("layerwise", "simultaneous"),
            "train layer 1 for all epochs, then layer 2 on streamed outputs of the frozen layer 1, ...; or every layer on every batch");
    static final Option<String> LABEL_MODE = Option.choice("labelMode", "overlay", List.of("overlay", "append"),
            "one-hot label over the first K inputs, or K extra inputs");
    static final Option<String> FINISHED_LAYER_KEEPS = Option.choice("finishedLayerKeeps", "weights", List.of("weights", "all"),
            "what a trained layer keeps: its weights only, or also gradients and optimizer state (like the 2022 PyTorch app)");

    /**
     * SymBa's sharpness for FF Base, sharper than the paper's 4 (which FF Recurrent keeps): with the
     * default symba goodness, 784-500-500, 20 epochs, seed 1, mnist-sample reached 95.64 % at 4, 96.19 % at
     * 8 and 96.64 % at 16 (docs/benchmarks.md, "FF Base: the defaults on two datasets").
     */
    static final Option<Double> ALPHA = Option.number("alpha", 16.0,
            "sharpness of a symmetric loss (symba); other goodness functions ignore it").above(0);
    static final Option<Double> PEER_NORMALIZATION = FfOptions.peerNormalization(0.003);
    static final Option<Double> WEIGHT_DECAY = Option.number("weightDecay", 0.0,
            "L2 weight decay on every FF parameter (and the readout's), added to the gradient; 0: off").atLeast(0);
    static final Option<String> READOUT = Option.choice("readout", "softmax-all", Readout.NAMES,
            "how a label is predicted: goodness summed over layers 2..n (one pass per label), over all layers, or a"
                    + " linear softmax classifier on the normalized activities of layers 2..n (softmax) or all layers"
                    + " (softmax-all) of one pass with a neutral label, trained locally (Hinton 2022, 3.3)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Hinton's supervised Forward-Forward: label in the input, a local goodness loss per layer";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(FfOptions.GOODNESS, FfOptions.THRESHOLD, ALPHA, SCHEDULE, LABEL_MODE,
                FfOptions.NEGATIVES, FINISHED_LAYER_KEEPS, FfOptions.LEARNING_RATE_SCHEDULE, FfOptions.COOL_DOWN_FRACTION,
                PEER_NORMALIZATION, WEIGHT_DECAY, READOUT);
    }

    /** A candidate; length normalization before every layer; positives and negatives; finished layers keep by option. */
    @Override
    public AlgorithmTraits traits(ExperimentSpec spec) {
        return new AlgorithmTraits(AlgorithmTraits.Role.CANDIDATE, "length normalization",
                AlgorithmTraits.positivesAndNegatives(spec.batchSize()), FINISHED_LAYER_KEEPS.of(spec).equals("weights")
                        ? "weights only (their gradients and optimizer state are freed once the layer is trained)"
                        : "weights, gradients and optimizer state");
    }

    @Override
    public double defaultLearningRate() {
        return FfOptions.DEFAULT_LEARNING_RATE;
    }

    /** A hidden layer of width x width must fit in one Java array (its initial weights), checked before any run. */
    @Override
    public List<String> problems(ExperimentSpec spec) {
        Problem hidden = spec.depth() > 1 ? DenseLayer.widthProblem(spec.width(), spec.width(), spec.width()) : null;
        return hidden == null ? List.of() : List.of(hidden.message());
    }

    /**
     * The label overlay writes a one-hot of K values over the first K inputs: an image needs at least K;
     * a softmax readout's D x K weights must fit one Java array.
     */
    @Override
    public List<String> problems(ExperimentSpec spec, DatasetShape data) {
        String readout = READOUT.of(spec);
        Problem tooLarge = DenseLayer.shapeProblem(Readout.features(readout, spec.depth(), spec.width()), data.classes());
        if (tooLarge != null) { // the classifier's weights are one Java array too
            return List.of(Problem.found(READOUT.name(), "is '" + readout + "': its classifier's weights do not fit one"
                    + " Java array (" + tooLarge.message() + ")",
                    "readout=goodness or goodness-all, or a smaller depth or width").message());
        }
        if (LABEL_MODE.of(spec).equals("overlay") && data.inputSize() < data.classes()) {
            return List.of(new Problem(LABEL_MODE.name(), "overlay", "labelMode=append (the label as " + data.classes()
                    + " extra inputs)", "but dataset " + spec.dataset() + " has " + data.inputSize() + " inputs per image ("
                    + data.imageShape() + "), fewer than its " + data.classes()
                    + " classes: the one-hot label cannot be overlaid").message());
        }
        return List.of();
    }

    @Override
    public Model build(ModelContext context) {
        return new FfBaseModel(context);
    }

    /**
     * Every layer's parameters and the softmax readout's (D x K, D the readout's features), plus the
     * gradients and optimizer state of what trains at the peak: layerwise (a finished layer keeps its
     * weights only) the larger of the first layer's phase and the top layer's, which also trains the
     * readout; every layer's and the readout's for the simultaneous schedule or when finished layers keep
     * everything. Peer normalization adds one running mean per unit of each training layer.
     */
    @Override
    public OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) {
        long inputs = LABEL_MODE.of(spec).equals("append") ? (long) inputSize + classes : inputSize;
        long first = LayerArithmetic.denseValues(inputs, spec.width());
        long hidden = spec.depth() > 1 ? LayerArithmetic.denseValues(spec.width(), spec.width()) : 0;
        long readout = LayerArithmetic.times(Readout.features(READOUT.of(spec), spec.depth(),
                spec.width()), classes);
        long layers = LayerArithmetic.plus(first, LayerArithmetic.times(spec.depth() - 1L, hidden));
        long parameters = LayerArithmetic.plus(layers, readout);
        boolean everyLayer = SCHEDULE.of(spec).equals("simultaneous")
                || FINISHED_LAYER_KEEPS.of(spec).equals("all");
        long top = LayerArithmetic.plus(spec.depth() > 1 ? hidden : first, readout);
        long training = everyLayer ? parameters : Math.max(first, top);
        boolean peer = PEER_NORMALIZATION.of(spec) > 0;
        long runningMeans = !peer ? 0 : everyLayer ? LayerArithmetic.times(spec.depth(), spec.width()) : spec.width();
        long perValue = 1 + Optimizer.stateValuesPerParameter(spec.optimizer()); // its gradient and the optimizer's state
        return OptionalLong.of(LayerArithmetic.floatBytes(LayerArithmetic.plus(
                LayerArithmetic.plus(parameters, LayerArithmetic.times(perValue, training)), runningMeans)));
    }
}
