package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer's goodness (Hinton 2022, section 2): one value per row of activations, its derivative, its
 * natural threshold and the loss it is trained with. Higher goodness means "more likely positive" for
 * every function. Discovered with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.ffbench.goodness.GoodnessFunction}; it needs a public no-argument
 * constructor that does no ND4J work, and must be stateless (one instance may serve several layers).
 *
 * <p>Both array methods are called inside the engine's step or scratch workspace: create any
 * temporaries there (plain ND4J calls do), never keep them between calls.
 */
public interface GoodnessFunction {

    /** The name used in specs and POMs, unique among all discovered goodness functions, e.g. "sum-squares". */
    String name();

    /**
     * Goodness of each row.
     *
     * @param activations (rows x units) float, the layer's ReLU outputs; must not be modified
     * @return (rows x 1) float, a new array
     */
    INDArray value(INDArray activations);

    /**
     * dL/d(activations) given dL/d(goodness).
     *
     * @param activations (rows x units), as passed to {@link #value}
     * @param gradGoodness (rows x 1), dL/dg per row
     * @return (rows x units), a new array the caller may overwrite
     */
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
