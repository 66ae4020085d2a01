package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Finite differences on float32 arrays (the engine's parameters): a larger step and tolerance. */
public final class FloatDifferences {
    private static final double STEP = 1e-3;
    private static final double TOLERANCE = 2e-3;

    private FloatDifferences() {}

    public static void assertGradient(INDArray x, Supplier<Double> loss, INDArray analytic) {
        assertEquals(x.length(), analytic.length(), "gradient shape");
        for (long i = 0; i < x.length(); i++) {
            double original = x.getDouble(i);
            x.putScalar(i, original + STEP);
            double plus = loss.get();
            x.putScalar(i, original - STEP);
            double minus = loss.get();
            x.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            assertEquals(numeric, analytic.getDouble(i), TOLERANCE * Math.max(1.0, Math.abs(numeric)),
                    "d loss / d x[" + i + "]");
        }
    }
}
