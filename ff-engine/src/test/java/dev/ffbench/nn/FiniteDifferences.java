package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central finite differences in double precision, compared with an analytic gradient. */
public final class FiniteDifferences {
    private static final double STEP = 1e-6;

    private FiniteDifferences() {}

    public static INDArray randomDouble(long seed, long rows, long columns) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.DOUBLE, rows, columns).subi(0.5).muli(2);
    }

    /**
     * Asserts that {@code analytic} equals d(loss)/d(x) at every element of {@code x}, where loss is
     * re-evaluated after nudging each element of {@code x} in place.
     */
    public static void assertGradient(INDArray x, Supplier<Double> loss, INDArray analytic, double tolerance) {
        assertGradient(x, loss, analytic, STEP, tolerance);
    }

    /** The same with a given step: float32 arrays need a larger one. */
    public static void assertGradient(INDArray x, Supplier<Double> loss, INDArray analytic, double step, double tolerance) {
        assertEquals(x.length(), analytic.length(), "gradient shape");
        for (long i = 0; i < x.length(); i++) {
            double original = x.getDouble(i);
            x.putScalar(i, original + step);
            double plus = loss.get();
            x.putScalar(i, original - step);
            double minus = loss.get();
            x.putScalar(i, original);
            double numeric = (plus - minus) / (2 * step);
            double expected = analytic.getDouble(i);
            double scale = Math.max(1.0, Math.abs(numeric));
            assertEquals(numeric, expected, tolerance * scale,
                    "d loss / d x[" + i + "]: numeric " + numeric + " vs analytic " + expected);
        }
    }

    /** loss = sum(weights * f(x)): its gradient with respect to f(x) is {@code weights}. */
    public static double weightedSum(INDArray weights, Function<INDArray, INDArray> f, INDArray x) {
        return f.apply(x).mul(weights).sumNumber().doubleValue();
    }
}
