package dev.ffbench.ff;

import static dev.ffbench.nn.FiniteDifferences.assertGradient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FfLossTest {
    private final INDArray signs = Nd4j.createFromArray(new double[][] {{-1}, {-1}, {1}, {1}});

    @Test
    void gradientMatchesFiniteDifferences() {
        INDArray goodness = Nd4j.createFromArray(new double[][] {{3.0}, {9.5}, {2.0}, {11.0}});
        INDArray analytic = FfLoss.of(goodness, signs, 6.0).gradGoodness();
        assertGradient(goodness, () -> FfLoss.of(goodness, signs, 6.0).loss(), analytic, 1e-6);
    }

    @Test
    void lossIsTheMeanSoftplusAroundTheThreshold() {
        INDArray goodness = Nd4j.createFromArray(new double[][] {{3.0}, {9.5}, {2.0}, {11.0}});
        double expected = (softplus(-(3.0 - 6)) + softplus(-(9.5 - 6)) + softplus(2.0 - 6) + softplus(11.0 - 6)) / 4;
        assertEquals(expected, FfLoss.of(goodness, signs, 6.0).loss(), 1e-12);
    }

    @Test
    void hugeGoodnessGivesAFiniteLossAndGradient() {
        // float32 softplus overflows above ~88; the stable form must not
        INDArray goodness = Nd4j.createFromArray(new float[][] {{1e6f}, {-1e6f}, {1e6f}, {5f}});
        FfLoss.Value value = FfLoss.of(goodness, signs.castTo(goodness.dataType()), 10.0);
        assertTrue(Double.isFinite(value.loss()), "loss " + value.loss());
        // softplus(1e6 + 10) + softplus(1e6 - 10), the other two rows ~0
        assertEquals(2e6 / 4, value.loss(), 1.0);
        for (double g : value.gradGoodness().toDoubleVector()) {
            assertTrue(Double.isFinite(g), "gradient " + g);
        }
    }

    private static double softplus(double a) {
        return Math.log1p(Math.exp(a));
    }
}
