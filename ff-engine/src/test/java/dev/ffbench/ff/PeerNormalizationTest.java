package dev.ffbench.ff;

import static dev.ffbench.nn.CloseArrays.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.goodness.Symba;
import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.PeerNormalization;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Peer normalization's backward pass: an FF layer step with it adds, to the plain goodness gradients,
 * the finite-difference gradient (double precision) of weight * mean_j (mean_k m_k - m_j)^2 with respect
 * to the positive rows' outputs, passed straight through the ReLU (loeweX's ReLU_full_grad), over two
 * steps so that the running mean's momentum is checked too.
 */
class PeerNormalizationTest {
    private static final int ROWS = 8;
    private static final int INPUTS = 7;
    private static final int UNITS = 5;
    private static final double WEIGHT = 3.0;
    private static final double TOLERANCE = 2e-5;

    static Stream<Arguments> goodness() {
        return Stream.of(Arguments.of(new SumOfSquares(), 5.0), Arguments.of(new Symba(), 0.0));
    }

    /** The peer loss in double: m = momentum old + (1 - momentum) mean of the first half of h's rows. */
    private static double peerLoss(INDArray h, double[] old) {
        int positives = (int) h.rows() / 2;
        double[] m = new double[UNITS];
        double average = 0;
        for (int j = 0; j < UNITS; j++) {
            double mean = 0;
            for (int r = 0; r < positives; r++) {
                mean += h.getDouble(r, j);
            }
            m[j] = PeerNormalization.MOMENTUM * old[j] + (1 - PeerNormalization.MOMENTUM) * mean / positives;
            average += m[j] / UNITS;
        }
        double loss = 0;
        for (int j = 0; j < UNITS; j++) {
            loss += (average - m[j]) * (average - m[j]) / UNITS;
        }
        return WEIGHT * loss;
    }

    /** Central differences of {@link #peerLoss} at every element of h. */
    private static INDArray numericGradient(INDArray h, double[] old) {
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, h.rows(), h.columns());
        double step = 1e-6;
        for (int i = 0; i < h.length(); i++) {
            double original = h.getDouble(i);
            h.putScalar(i, original + step);
            double plus = peerLoss(h, old);
            h.putScalar(i, original - step);
            double minus = peerLoss(h, old);
            h.putScalar(i, original);
            gradient.putScalar(i, (plus - minus) / (2 * step));
        }
        return gradient;
    }

    @ParameterizedTest
    @MethodSource("goodness")
    void stepAddsTheFiniteDifferenceGradientOfThePeerLoss(GoodnessFunction goodness, double threshold) {
        INDArray input = BenchmarkSetup.random(5, ROWS, INPUTS);
        LayerLoss loss = goodness.loss(threshold, null);
        PersistentMemory memory = new PersistentMemory();
        FfLayer layer = new FfLayer(memory, INPUTS, UNITS, new SplittableRandom(4));
        PlainFfLayer.Recording recording = new PlainFfLayer.Recording();
        layer.startTraining(memory, recording, WEIGHT);
        assertEquals(UNITS * 4L, memory.bytes(MemoryCategory.OPTIMIZER_STATE), "the running means are in the ledger");
        PlainFfLayer.Step plain = PlainFfLayer.step(input, layer.dense().weights(), layer.dense().bias(), loss, goodness);
        INDArray normalized = LengthNorm.forward(input.castTo(DataType.DOUBLE)).rows();
        INDArray h = plain.activations().dup();
        double[] old = new double[UNITS];
        Activations in = new Activations(input, input.mul(input).sum(true, 1));

        for (int step = 0; step < 2; step++) {
            INDArray peerGradient = numericGradient(h, old);
            double expectedLoss = plain.loss() + peerLoss(h, old);
            double actual = layer.trainStep(in, loss, goodness, null, true);
            assertEquals(expectedLoss, actual, TOLERANCE * Math.max(1, Math.abs(expectedLoss)), "loss, step " + step);
            INDArray expectedWeights = plain.weightGradient().add(normalized.transpose().mmul(peerGradient));
            INDArray expectedBias = plain.biasGradient().add(peerGradient.sum(true, 0));
            assertClose(expectedWeights, recording.gradients.get(2 * step), TOLERANCE, "dW, step " + step);
            assertClose(expectedBias, recording.gradients.get(2 * step + 1), TOLERANCE, "db, step " + step);
            double peerPart = normalized.transpose().mmul(peerGradient).norm2Number().doubleValue();
            assertTrue(peerPart > 1e-3, "the peer loss changes the gradient: " + peerPart);
            for (int j = 0; j < UNITS; j++) { // the running means after this step
                double mean = 0;
                for (int r = 0; r < ROWS / 2; r++) {
                    mean += h.getDouble(r, j);
                }
                old[j] = PeerNormalization.MOMENTUM * old[j] + (1 - PeerNormalization.MOMENTUM) * mean / (ROWS / 2);
            }
        }
        layer.finishTraining(memory, false);
        assertEquals(0, memory.bytes(MemoryCategory.OPTIMIZER_STATE), "released with the layer's training state");
        memory.releaseAll();
    }
}
