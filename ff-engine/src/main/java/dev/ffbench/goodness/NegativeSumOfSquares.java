package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The paper's inverted goodness: g = -sum_j h_j^2 with theta = -(number of units), so positive data
 * should have low activity and negative data high activity.
 */
public final class NegativeSumOfSquares implements QuadraticGoodness {
    public static final String NAME = "neg-sum-squares";

    private final SumOfSquares sumOfSquares = new SumOfSquares();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public INDArray value(INDArray activations) {
        return sumOfSquares.value(activations).negi();
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return activations.mulColumnVector(gradGoodness).muli(-2.0);
    }

    @Override
    public double coefficient(int units) {
        return -1.0;
    }

    @Override
    public double naturalThreshold(int units) {
        return -units;
    }
}
