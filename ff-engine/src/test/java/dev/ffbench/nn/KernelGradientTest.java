package dev.ffbench.nn;

import static dev.ffbench.nn.FiniteDifferences.assertGradient;
import static dev.ffbench.nn.FiniteDifferences.randomDouble;
import static dev.ffbench.nn.FiniteDifferences.weightedSum;

import dev.ffbench.memory.PersistentMemory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every hand-written backward pass of the shared kernels against finite differences. */
class KernelGradientTest {

    @Test
    void lengthNormBackwardIsTheDerivativeOfTheNormalization() {
        INDArray x = randomDouble(1, 4, 7);
        INDArray weights = randomDouble(2, 4, 7);
        INDArray analytic = LengthNorm.backward(LengthNorm.forward(x), weights);
        assertGradient(x, () -> weightedSum(weights, v -> LengthNorm.forward(v).rows(), x), analytic, 1e-6);
    }

    @Test
    void reluBackwardPassesGradientOnlyWhereTheOutputIsPositive() {
        INDArray z = randomDouble(3, 5, 6);
        INDArray weights = randomDouble(4, 5, 6);
        INDArray output = Relu.forwardInPlace(z.dup());
        INDArray analytic = Relu.backwardInPlace(output, weights.dup());
        assertGradient(z, () -> weightedSum(weights, v -> Relu.forwardInPlace(v.dup()), z), analytic, 1e-6);
    }

    @Test
    void reluBackwardOnFloatArraysIsThresholdReluBp() {
        INDArray output = Relu.forwardInPlace(BenchmarkSetup.random(8, 70, 130).subi(0.5));
        INDArray gradient = BenchmarkSetup.random(9, 70, 130).subi(0.5);
        INDArray expected = gradient.dup();
        org.nd4j.linalg.factory.Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp(
                output, expected, expected, 0.0));
        org.junit.jupiter.api.Assertions.assertEquals(expected, Relu.backwardInPlace(output, gradient));
    }

    @Test
    void denseLayerGradientsMatchForWeightsBiasAndInput() {
        PersistentMemory memory = new PersistentMemory();
        DenseLayer layer = new DenseLayer(memory, 6, 4, new SplittableRandom(5));
        INDArray x = randomDouble(6, 3, 6).castTo(DataType.FLOAT);
        INDArray weights = randomDouble(7, 3, 4).castTo(DataType.FLOAT);
        DenseLayer.Gradients gradients = layer.allocateGradients(memory);
        layer.parameterGradients(x, weights, gradients);
        // float32 parameters: a coarser tolerance than the double-precision kernels
        FloatDifferences.assertGradient(layer.weights(), () -> weightedSum(weights, layer::forward, x), gradients.weights());
        FloatDifferences.assertGradient(layer.bias(), () -> weightedSum(weights, layer::forward, x), gradients.bias());
        FloatDifferences.assertGradient(x, () -> weightedSum(weights, layer::forward, x), layer.inputGradient(weights));
        memory.releaseAll();
    }
}
