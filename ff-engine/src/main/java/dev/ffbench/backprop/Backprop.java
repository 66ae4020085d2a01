package dev.ffbench.backprop;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Option;

/**
 * The backprop baseline ("backprop"): the same hidden layers as FF plus a softmax head, one global
 * backward pass that keeps every layer's input, then one optimizer step of every layer.
 */
public final class Backprop extends BackpropAlgorithm {
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
    BackpropPlan plan(ExperimentSpec spec) {
        return BackpropPlan.PLAIN;
    }
}
