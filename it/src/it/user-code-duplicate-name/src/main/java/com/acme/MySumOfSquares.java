package com.acme;

import dev.ffbench.goodness.GoodnessFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A goodness function registered under a name the engine already has. */
public final class MySumOfSquares implements GoodnessFunction {
    @Override
    public String name() {
        return "sum-squares";
    }

    @Override
    public INDArray value(INDArray activations) {
        return activations.mul(activations).sum(true, 1);
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return activations.mulColumnVector(gradGoodness).muli(2.0);
    }

    @Override
    public double naturalThreshold(int units) {
        return units;
    }
}
