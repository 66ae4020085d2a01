package dev.ffbench.backprop;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Option;
import java.util.List;

/**
 * Backprop with activation checkpointing ("backprop-checkpointed"): a step keeps the input of every
 * k-th hidden layer only and computes the others again, segment by segment, in the backward pass; the
 * same gradients as backprop, for about depth / k + k activation arrays instead of depth, at the cost
 * of a second forward pass through all but the top segment.
 */
public final class BackpropCheckpointed extends BackpropAlgorithm {
    public static final String NAME = "backprop-checkpointed";

    /** k; unset (null) picks the k that keeps the fewest arrays, near sqrt(depth) ({@link BackpropPlan#defaultEvery}). */
    static final Option<Integer> CHECKPOINT_EVERY = new Option<Integer>("checkpointEvery", Option.Type.INTEGER, null,
            "keep the input of every k-th hidden layer and compute the others again in the backward pass (k >= depth:"
                    + " the first layer's only); unset: the k that keeps the fewest arrays, near sqrt(depth)",
            List.of(), null, false, null, false).atLeast(1);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "backprop with activation checkpointing: every k-th layer's input kept, the rest recomputed";
    }

    @Override
    List<Option<?>> ownOptions() {
        return List.of(CHECKPOINT_EVERY);
    }

    @Override
    BackpropPlan plan(ExperimentSpec spec) {
        return new BackpropPlan(CHECKPOINT_EVERY.of(spec), false);
    }

    /** The k a net of {@code depth} hidden layers runs with when {@code checkpointEvery} is configured or unset (null). */
    public static int checkpointEvery(int depth, Integer checkpointEvery) {
        return new BackpropPlan(checkpointEvery, false).checkpointEvery(depth);
    }

    /**
     * Width-sized activation arrays a step keeps at {@code depth} (k as {@link #checkpointEvery}): the kept
     * inputs of layers k, 2k, ..., the k - 1 segment buffers and the top layer's output; plain backprop
     * keeps {@code depth} (k = 1). Besides them a step holds what does not grow with depth.
     */
    public static int keptActivations(int depth, Integer checkpointEvery) {
        return BackpropPlan.kept(depth, checkpointEvery(depth, checkpointEvery)) + 1;
    }
}
