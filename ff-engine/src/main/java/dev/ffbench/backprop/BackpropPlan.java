package dev.ffbench.backprop;

import dev.ffbench.io.Problem;

/**
 * What a backprop step keeps and when its optimizer steps: the one difference between backprop and
 * its memory variants, whose arithmetic (and so whose gradients) is the same.
 *
 * @param checkpointEvery keep the input of every k-th hidden layer (1: every layer's, plain backprop)
 *     and compute the others again in the backward pass; null for {@link #defaultEvery}
 * @param updateInBackward whether each layer's optimizer step runs as soon as its gradient is complete,
 *     so that one layer's gradient buffers serve every layer
 */
record BackpropPlan(Integer checkpointEvery, boolean updateInBackward) {
    /** Plain backprop: every layer's input kept, one optimizer step after the whole backward pass. */
    static final BackpropPlan PLAIN = new BackpropPlan(1, false);

    BackpropPlan {
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new IllegalArgumentException(
                    Problem.found("checkpointEvery", "is " + checkpointEvery, "a whole number >= 1").message());
        }
    }

    /** k for a net of {@code hidden} hidden layers: the configured one (at most {@code hidden}) or the default. */
    int checkpointEvery(int hidden) {
        return checkpointEvery == null ? defaultEvery(hidden) : Math.min(checkpointEvery, hidden);
    }

    /**
     * The k that keeps the fewest activation arrays through a step of {@code hidden} layers, the
     * smallest on a tie (less to compute again): a step keeps ceil(hidden / k) - 1 inputs besides the
     * first layer's and k - 1 segment buffers, so k is near sqrt(hidden) (1 at depth 2, 3 at 12, 6 at 47).
     */
    static int defaultEvery(int hidden) {
        int best = 1;
        for (int k = 2; k <= hidden; k++) {
            if (kept(hidden, k) < kept(hidden, best)) {
                best = k;
            }
        }
        return best;
    }

    /** Inputs kept besides the first layer's, plus the segment buffers, for {@code hidden} layers at interval k. */
    static int kept(int hidden, int k) {
        return (hidden + k - 1) / k - 1 + k - 1;
    }
}
