package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer's goodness: one value per row of activations, its derivative, and its natural threshold. */
public interface GoodnessFunction {

    /** The name used in specs and POMs. */
    String name();

    /** Goodness of each row of {@code activations}, as a column (rows x 1). */
    INDArray value(INDArray activations);

    /** dL/d(activations), given dL/d(goodness) per row (a column). */
    INDArray gradient(INDArray activations, INDArray gradGoodness);

    /** The threshold theta used when none is configured, for a layer of {@code units} units. */
    double naturalThreshold(int units);
}
