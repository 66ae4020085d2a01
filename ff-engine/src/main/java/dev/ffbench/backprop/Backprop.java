package dev.ffbench.backprop;

import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.Option;
import java.util.List;

/** The backprop baseline ("backprop"): the same hidden layers as FF plus a softmax head, one global backward pass. */
public final class Backprop implements Algorithm {
    public static final String NAME = "backprop";

    static final Option NORMALIZE = Option.flag("normalize", true,
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
    public List<Option> options() {
        return List.of(NORMALIZE);
    }

    @Override
    public Model build(ModelContext context) {
        return new BackpropModel(context);
    }
}
