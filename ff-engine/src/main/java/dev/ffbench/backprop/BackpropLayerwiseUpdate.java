package dev.ffbench.backprop;

import dev.ffbench.api.ExperimentSpec;

/**
 * Backprop with each layer's update during the backward pass ("backprop-layerwise-update"): a
 * layer's optimizer step runs as soon as its gradient is complete (after the gradient flowing below
 * it is computed with its old weights), and its gradient buffer then serves the layer below, so
 * training holds one layer's gradients instead of all of them; with {@code optimizer=sgd} (no
 * momentum) no optimizer state either. The same gradients and the same update as backprop.
 */
public final class BackpropLayerwiseUpdate extends BackpropAlgorithm {
    public static final String NAME = "backprop-layerwise-update";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "backprop with each layer's optimizer step during the backward pass: one layer's gradients held";
    }

    @Override
    BackpropPlan plan(ExperimentSpec spec) {
        return new BackpropPlan(1, true);
    }
}
