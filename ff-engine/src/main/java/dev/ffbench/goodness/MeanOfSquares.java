package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/** g = mean_j h_j^2 with theta = 2.0, as in the widely copied 2022 implementation. */
public final class MeanOfSquares implements QuadraticGoodness {
    public static final String NAME = "mean-squares";

    private final SumOfSquares sumOfSquares = new SumOfSquares();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public INDArray value(INDArray activations) {
        return sumOfSquares.value(activations).divi(activations.columns());
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return activations.mulColumnVector(gradGoodness).muli(2.0 / activations.columns());
    }

    @Override
    public double coefficient(int units) {
        return 1.0 / units;
    }

    @Override
    public double naturalThreshold(int units) {
        return 2.0;
    }
}
