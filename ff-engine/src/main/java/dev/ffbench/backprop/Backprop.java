package dev.ffbench.backprop;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.AlgorithmTraits;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.memory.LayerArithmetic;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Optimizer;
import java.util.List;
import java.util.OptionalLong;

/** The backprop baseline ("backprop"): the same hidden layers as FF plus a softmax head, one global backward pass. */
public final class Backprop implements Algorithm {
    public static final String NAME = "backprop";

    static final Option<Boolean> NORMALIZE = Option.flag("normalize", true,
            "length-normalize each hidden layer's input, as FF does (like for like)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the backprop baseline: the same hidden layers, a softmax head, cross-entropy";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(NORMALIZE);
    }

    /** A hidden layer of width x width must fit in one Java array (its initial weights), checked before any run. */
    @Override
    public List<String> problems(ExperimentSpec spec) {
        String hidden = spec.depth() > 1 ? DenseLayer.shapeProblem(spec.width(), spec.width()) : null;
        return hidden == null ? List.of() : List.of("width is " + spec.width() + ": " + hidden);
    }

    /** The reference the FF algorithms are measured against; length normalization as its option says. */
    @Override
    public AlgorithmTraits traits(ExperimentSpec spec) {
        return new AlgorithmTraits(AlgorithmTraits.Role.REFERENCE, NORMALIZE.of(spec) ? "length normalization" : "none",
                spec.batchSize() + " images", null);
    }

    @Override
    public Model build(ModelContext context) {
        return new BackpropModel(context);
    }

    /**
     * The parameters of every hidden layer and of the softmax head, plus the gradients and optimizer
     * state of all of them: one global backward pass trains every layer at once.
     */
    @Override
    public OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) {
        long hidden = spec.depth() > 1 ? LayerArithmetic.denseValues(spec.width(), spec.width()) : 0;
        long parameters = LayerArithmetic.plus(LayerArithmetic.plus(LayerArithmetic.denseValues(inputSize, spec.width()),
                LayerArithmetic.times(spec.depth() - 1L, hidden)), LayerArithmetic.denseValues(spec.width(), classes));
        long perValue = 1 + Optimizer.stateValuesPerParameter(spec.optimizer());
        return OptionalLong.of(LayerArithmetic.floatBytes(
                LayerArithmetic.plus(parameters, LayerArithmetic.times(perValue, parameters))));
    }
}
