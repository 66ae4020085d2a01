package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's goodness: one value per row of activations, its derivative, its natural threshold and
 * the loss it is trained with. Higher goodness means "more likely positive" for every function.
 */
public interface GoodnessFunction {

    /** The name used in specs and POMs. */
    String name();

    /** Goodness of each row of {@code activations}, as a column (rows x 1). */
    INDArray value(INDArray activations);

    /** dL/d(activations), given dL/d(goodness) per row (a column). */
    INDArray gradient(INDArray activations, INDArray gradGoodness);

    /** The threshold theta used when none is configured, for a layer of {@code units} units. */
    double naturalThreshold(int units);

    /**
     * The layer loss trained with this goodness: Hinton's threshold loss unless the function needs
     * another ({@code alpha} is the sharpness of a symmetric loss, null for its default).
     */
    default LayerLoss loss(double threshold, Double alpha) {
        return new ThresholdLoss(threshold);
    }
}
