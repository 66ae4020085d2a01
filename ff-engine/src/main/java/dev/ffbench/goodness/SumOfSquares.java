package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Hinton's goodness: g = sum_j h_j^2; theta = the number of units. */
public final class SumOfSquares implements QuadraticGoodness {
    public static final String NAME = "sum-squares";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public INDArray value(INDArray activations) {
        // the squared row norms: one reduction, no temporary the size of the activations
        INDArray norms = activations.norm2(true, 1);
        return norms.muli(norms);
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return activations.mulColumnVector(gradGoodness).muli(2.0);
    }

    @Override
    public double coefficient(int units) {
        return 1.0;
    }

    @Override
    public double naturalThreshold(int units) {
        return units;
    }
}
