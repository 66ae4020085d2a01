package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's local FF objective over the goodness of a batch whose first half are positive rows and
 * second half the negative rows made from the same images, row i paired with row half + i.
 */
public interface LayerLoss {

    /** The mean loss and dL/dg per row (a column). */
    record Value(double loss, INDArray gradGoodness) {}

    /** @param goodness a column: positives, then their negatives in the same order */
    Value of(INDArray goodness);
}
