package dev.ffbench.nn;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Finite differences on float32 arrays (the engine's parameters): a larger step and tolerance. */
public final class FloatDifferences {
    private static final double STEP = 1e-3;
    private static final double TOLERANCE = 2e-3;

    private FloatDifferences() {}

    public static void assertGradient(INDArray x, Supplier<Double> loss, INDArray analytic) {
        FiniteDifferences.assertGradient(x, loss, analytic, STEP, TOLERANCE);
    }
}
