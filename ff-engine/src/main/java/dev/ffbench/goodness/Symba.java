package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SymBa: the mean of squares as goodness, trained with the {@link SymmetricLoss} on
 * g_pos - g_neg with sharpness alpha (default 4, the paper's) instead of a threshold.
 */
public final class Symba implements QuadraticGoodness {
    public static final String NAME = "symba";
    public static final double DEFAULT_ALPHA = 4.0;

    private final MeanOfSquares meanOfSquares = new MeanOfSquares();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public INDArray value(INDArray activations) {
        return meanOfSquares.value(activations);
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return meanOfSquares.gradient(activations, gradGoodness);
    }

    @Override
    public double coefficient(int units) {
        return meanOfSquares.coefficient(units);
    }

    /** Not used by the symmetric loss; the mean of squares' own, for reference. */
    @Override
    public double naturalThreshold(int units) {
        return meanOfSquares.naturalThreshold(units);
    }

    @Override
    public LayerLoss loss(double threshold, Double alpha) {
        return new SymmetricLoss(alpha != null ? alpha : DEFAULT_ALPHA);
    }
}
