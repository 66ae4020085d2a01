package dev.ffbench.ff;

import static dev.ffbench.nn.CloseArrays.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.MeanOfSquares;
import dev.ffbench.goodness.NegativeSumOfSquares;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.goodness.Symba;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.sample.DuplicateSumOfSquares;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A hidden FF layer's fused step (normalization folded into the products, bias, ReLU and sums of
 * squares in one pass, the gradient and its scaling in another) against the plain computation in
 * double precision, for every built-in goodness and for the general path a user's goodness takes.
 */
class FfLayerTest {
    private static final int ROWS = 8;
    private static final int INPUTS = 7;
    private static final int UNITS = 5;
    private static final double TOLERANCE = 2e-5;

    static Stream<Arguments> goodness() {
        return Stream.of(
                Arguments.of(new SumOfSquares(), 5.0),
                Arguments.of(new MeanOfSquares(), 1.0),
                Arguments.of(new NegativeSumOfSquares(), -5.0),
                Arguments.of(new Symba(), 0.0),
                Arguments.of(new DuplicateSumOfSquares(), 5.0));
    }

    @ParameterizedTest
    @MethodSource("goodness")
    void stepEqualsThePlainComputation(GoodnessFunction goodness, double threshold) {
        INDArray input = BenchmarkSetup.random(5, ROWS, INPUTS);
        // an all-zero row (every ReLU below off) must stay zero, not NaN
        input.getRow(3).assign(0);
        LayerLoss loss = goodness.loss(threshold, null);
        PersistentMemory memory = new PersistentMemory();
        FfLayer layer = new FfLayer(memory, INPUTS, UNITS, new SplittableRandom(4));
        PlainFfLayer.Recording recording = new PlainFfLayer.Recording();
        layer.startTraining(memory, recording);
        PlainFfLayer.Step plain = PlainFfLayer.step(input, layer.dense().weights(), layer.dense().bias(), loss, goodness);

        Activations in = new Activations(input, input.mul(input).sum(true, 1));
        Activations forward = Activations.create(ROWS, UNITS);
        layer.forward(in, forward);
        assertClose(plain.activations(), forward.values(), TOLERANCE, "activations");
        assertClose(plain.activations().mul(plain.activations()).sum(true, 1), forward.squares(), TOLERANCE, "squares");

        double actual = layer.trainStep(in, loss, goodness, null, true);
        assertEquals(plain.loss(), actual, TOLERANCE * Math.max(1, Math.abs(plain.loss())));
        assertClose(plain.weightGradient(), recording.gradients.get(0), TOLERANCE, "dW");
        assertClose(plain.biasGradient(), recording.gradients.get(1), TOLERANCE, "db");
        memory.releaseAll();
    }

    /** Handing the activations on, into the input's own arrays (simultaneous FF), changes no gradient. */
    @ParameterizedTest
    @MethodSource("goodness")
    void handingTheActivationsOnIntoTheInputKeepsTheGradients(GoodnessFunction goodness, double threshold) {
        INDArray input = BenchmarkSetup.random(6, ROWS, UNITS);
        LayerLoss loss = goodness.loss(threshold, null);
        PersistentMemory memory = new PersistentMemory();
        FfLayer layer = new FfLayer(memory, UNITS, UNITS, new SplittableRandom(4));
        PlainFfLayer.Recording recording = new PlainFfLayer.Recording();
        layer.startTraining(memory, recording);
        PlainFfLayer.Step plain = PlainFfLayer.step(input, layer.dense().weights(), layer.dense().bias(), loss, goodness);

        Activations carry = new Activations(input.dup(), input.mul(input).sum(true, 1));
        layer.trainStep(carry, loss, goodness, carry, false);
        assertClose(plain.weightGradient(), recording.gradients.get(0), TOLERANCE, "dW");
        assertClose(plain.activations(), carry.values(), TOLERANCE, "activations handed on");
        assertClose(plain.activations().mul(plain.activations()).sum(true, 1), carry.squares(), TOLERANCE, "squares handed on");
        memory.releaseAll();
    }
}
