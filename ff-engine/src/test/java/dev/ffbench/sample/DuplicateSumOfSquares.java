package dev.ffbench.sample;

import dev.ffbench.goodness.SumOfSquares;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A second provider of the built-in name "sum-squares": discovery must refuse it, naming both. */
public final class DuplicateSumOfSquares implements dev.ffbench.goodness.GoodnessFunction {
    private final SumOfSquares delegate = new SumOfSquares();

    @Override
    public String name() {
        return SumOfSquares.NAME;
    }

    @Override
    public INDArray value(INDArray activations) {
        return delegate.value(activations);
    }

    @Override
    public INDArray gradient(INDArray activations, INDArray gradGoodness) {
        return delegate.gradient(activations, gradGoodness);
    }

    @Override
    public double naturalThreshold(int units) {
        return units;
    }
}
