package com.acme;

import dev.ffbench.goodness.GoodnessFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A goodness function of the project's own. */
public final class MyGoodness implements GoodnessFunction {
    @Override
    public String name() {
        return "my-goodness";
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
