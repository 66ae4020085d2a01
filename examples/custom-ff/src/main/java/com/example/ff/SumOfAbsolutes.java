package com.example.ff;

import dev.ffbench.goodness.GoodnessFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A goodness function of our own: g = sum_j |h_j|, the L1 counterpart of Hinton's sum of squares.
 * On ReLU outputs |h| = h, so a unit's push on g does not grow with its activity as it does for h^2.
 * Registered in META-INF/services/dev.ffbench.goodness.GoodnessFunction; the matrix names it "sum-abs".
 */
public final class SumOfAbsolutes implements GoodnessFunction {

    @Override
    public String name() {
        return "sum-abs";
    }

    /** (rows x units) activations to (rows x 1) goodness. */
    @Override
    public INDArray value(INDArray activations) {
        return Transforms.abs(activations, true).sum(true, 1);
    }

    /** dL/dh = dL/dg * sign(h), row by row. */
    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return Transforms.sign(activations, true).muliColumnVector(gradGoodness);
    }

    /**
     * Inputs are length-normalized to root mean square 1, so a fresh layer's outputs are of order 1 and
     * their sum of order the number of units: the same threshold as the sum of squares.
     */
    @Override
    public double naturalThreshold(int units) {
        return units;
    }
}
