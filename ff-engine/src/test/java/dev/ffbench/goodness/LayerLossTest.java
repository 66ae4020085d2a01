package dev.ffbench.goodness;

import static dev.ffbench.nn.FiniteDifferences.assertGradient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Both layer losses: values, gradients against finite differences, and stability. */
class LayerLossTest {
    // rows 0-1 positives, rows 2-3 their negatives
    private INDArray goodness() {
        return Nd4j.createFromArray(new double[][] {{3.0}, {9.5}, {2.0}, {11.0}});
    }

    @Test
    void thresholdLossGradientMatchesFiniteDifferences() {
        INDArray goodness = goodness();
        LayerLoss loss = new ThresholdLoss(6.0);
        assertGradient(goodness, () -> loss.of(goodness).loss(), loss.of(goodness).gradGoodness(), 1e-6);
    }

    @Test
    void thresholdLossIsTheMeanSoftplusAroundTheThreshold() {
        double expected = (softplus(-(3.0 - 6)) + softplus(-(9.5 - 6)) + softplus(2.0 - 6) + softplus(11.0 - 6)) / 4;
        assertEquals(expected, new ThresholdLoss(6.0).of(goodness()).loss(), 1e-12);
    }

    @Test
    void symmetricLossGradientMatchesFiniteDifferences() {
        INDArray goodness = goodness();
        LayerLoss loss = new SymmetricLoss(1.5);
        assertGradient(goodness, () -> loss.of(goodness).loss(), loss.of(goodness).gradGoodness(), 1e-6);
    }

    @Test
    void symmetricLossIsTheMeanSoftplusOfEachPairsMargin() {
        // pairs (3.0, 2.0) and (9.5, 11.0)
        double expected = (softplus(-1.5 * (3.0 - 2.0)) + softplus(-1.5 * (9.5 - 11.0))) / 2;
        assertEquals(expected, new SymmetricLoss(1.5).of(goodness()).loss(), 1e-12);
    }

    @Test
    void hugeGoodnessGivesAFiniteLossAndGradient() {
        // float32 softplus overflows above ~88; the stable form must not
        INDArray goodness = Nd4j.createFromArray(new float[][] {{1e6f}, {-1e6f}, {1e6f}, {5f}});
        for (LayerLoss loss : new LayerLoss[] {new ThresholdLoss(10.0), new SymmetricLoss(4.0)}) {
            LayerLoss.Value value = loss.of(goodness);
            assertTrue(Double.isFinite(value.loss()), loss + " loss " + value.loss());
            for (double g : value.gradGoodness().toDoubleVector()) {
                assertTrue(Double.isFinite(g), loss + " gradient " + g);
            }
        }
        // softplus(1e6 + 10) + softplus(1e6 - 10), the other two rows ~0
        assertEquals(2e6 / 4, new ThresholdLoss(10.0).of(goodness).loss(), 1.0);
    }

    @Test
    void float32ColumnsGiveTheDoublePrecisionLossAndGradient() {
        // the engine's goodness columns are float32 and read through their native buffer
        INDArray doubles = goodness();
        INDArray floats = doubles.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        for (LayerLoss loss : new LayerLoss[] {new ThresholdLoss(6.0), new SymmetricLoss(1.5)}) {
            LayerLoss.Value exact = loss.of(doubles);
            LayerLoss.Value value = loss.of(floats);
            assertEquals(exact.loss(), value.loss(), 1e-12, loss + " loss");
            assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, value.gradGoodness().dataType());
            double[] expected = exact.gradGoodness().toDoubleVector();
            double[] actual = value.gradGoodness().toDoubleVector();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-7 * Math.max(1, Math.abs(expected[i])), loss + " gradient " + i);
            }
        }
    }

    private static double softplus(double a) {
        return Math.log1p(Math.exp(a));
    }
}
