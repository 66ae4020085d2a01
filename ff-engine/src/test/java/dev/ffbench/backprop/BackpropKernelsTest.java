package dev.ffbench.backprop;

import static dev.ffbench.nn.CloseArrays.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.ModelContext;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Relu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Backprop's Java passes against the ND4J ops they replace, and a whole step against the plain computation. */
class BackpropKernelsTest {
    private static final double TOLERANCE = 2e-5;

    private static INDArray doubles(INDArray a) {
        return a.castTo(DataType.DOUBLE);
    }

    @Test
    void normalizationAndItsBackwardAreLengthNorms() {
        INDArray x = BenchmarkSetup.random(1, 6, 9).subi(0.3);
        x.getRow(2).assign(0);
        LengthNorm.Normalized plain = LengthNorm.forward(doubles(x));
        LengthNorm.Normalized fused = BackpropKernels.normalize(x);
        assertClose(plain.rows(), fused.rows(), TOLERANCE, "normalized rows");
        assertClose(plain.scales(), fused.scales(), TOLERANCE, "scales");
        INDArray grad = BenchmarkSetup.random(2, 6, 9).subi(0.5);
        INDArray into = Nd4j.create(DataType.FLOAT, 6, 9);
        BackpropKernels.lengthNormBackward(fused, grad, into);
        assertClose(LengthNorm.backward(plain, doubles(grad)), into, TOLERANCE, "dL/dx");
    }

    @Test
    void biasReluAndReluBackwardWithTheBiasGradient() {
        INDArray z = BenchmarkSetup.random(3, 7, 5).subi(0.5);
        INDArray bias = BenchmarkSetup.random(4, 1, 5).subi(0.5);
        INDArray expected = Relu.forwardInPlace(doubles(z).addiRowVector(doubles(bias)));
        BackpropKernels.biasRelu(z, bias);
        assertClose(expected, z, TOLERANCE, "relu(z + b)");
        INDArray grad = BenchmarkSetup.random(5, 7, 5).subi(0.5);
        INDArray plainGrad = Relu.backwardInPlace(doubles(z), doubles(grad));
        INDArray biasGradient = Nd4j.create(DataType.FLOAT, 1, 5);
        BackpropKernels.reluBackward(z, grad, biasGradient);
        assertClose(plainGrad, grad, TOLERANCE, "dL/dz");
        assertClose(plainGrad.sum(true, 0), biasGradient, TOLERANCE, "db");
    }

    @Test
    void softmaxCrossEntropyIsCrossEntropyOfTheLogitsWithBias() {
        INDArray product = BenchmarkSetup.random(6, 4, 3).muli(8).subi(4);
        product.putScalar(3, 0, 1000f);
        INDArray bias = BenchmarkSetup.random(7, 1, 3);
        int[] labels = {1, 0, 2, 1};
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, 4, 3);
        for (int r = 0; r < 4; r++) {
            oneHot.putScalar(r, labels[r], 1.0);
        }
        CrossEntropy.Value plain = CrossEntropy.of(doubles(product).addiRowVector(doubles(bias)), oneHot);
        double loss = BackpropKernels.softmaxCrossEntropy(product, bias, labels);
        assertEquals(plain.loss(), loss, TOLERANCE * Math.max(1, plain.loss()));
        assertClose(plain.gradLogits(), product, TOLERANCE, "dL/dlogits");
    }

    /** One whole step (SGD, learning rate 1: the weights move by exactly the gradient) against the plain computation. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aStepMovesEveryParameterByThePlainGradient(boolean normalize) {
        ExperimentSpec spec = SpecResolver.engine().resolve(Map.of("algorithm", "backprop", "width", "8",
                "optimizer", "sgd", "learningRate", "1.0", "normalize", Boolean.toString(normalize)));
        PersistentMemory memory = new PersistentMemory();
        BackpropModel model = new BackpropModel(new ModelContext(spec, new DatasetShape(3, 4, 1, 10), memory,
                new java.util.SplittableRandom(spec.seed()).split(), Extensions.engine()::goodness), BackpropPlan.PLAIN);
        INDArray input = BenchmarkSetup.random(8, 6, 12);
        int[] labels = {3, 0, 9, 9, 1, 5};
        List<INDArray> before = new ArrayList<>();
        for (DenseLayer layer : model.layers()) {
            before.add(doubles(layer.weights()));
            before.add(doubles(layer.bias()));
        }
        List<INDArray> plain = plainGradients(before, doubles(input), labels, normalize);
        model.startTraining();
        try (TransientMemory transientMemory = new TransientMemory("test");
                MemoryWorkspace step = transientMemory.step()) {
            model.trainStep(input, labels, transientMemory::scratch);
        }
        for (int i = 0; i < plain.size(); i++) {
            DenseLayer layer = model.layers().get(i / 2);
            INDArray after = doubles(i % 2 == 0 ? layer.weights() : layer.bias());
            assertClose(plain.get(i), before.get(i).sub(after), 1e-4, "gradient " + i);
        }
        model.finishTraining();
        memory.releaseAll();
    }

    /** dL/dW and dL/db of every layer (weights, bias, in layer order), with one ND4J op per formula, in double. */
    static List<INDArray> plainGradients(List<INDArray> parameters, INDArray input, int[] labels,
            boolean normalize) {
        int hidden = parameters.size() / 2 - 1;
        List<LengthNorm.Normalized> normalized = new ArrayList<>();
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> outputs = new ArrayList<>();
        INDArray x = input;
        for (int l = 0; l < hidden; l++) {
            LengthNorm.Normalized n = normalize ? LengthNorm.forward(x) : null;
            INDArray layerInput = n != null ? n.rows() : x;
            x = Relu.forwardInPlace(layerInput.mmul(parameters.get(2 * l)).addiRowVector(parameters.get(2 * l + 1)));
            normalized.add(n);
            inputs.add(layerInput);
            outputs.add(x);
        }
        INDArray oneHot = Nd4j.zeros(DataType.DOUBLE, input.rows(), 10);
        for (int r = 0; r < labels.length; r++) {
            oneHot.putScalar(r, labels[r], 1.0);
        }
        INDArray logits = x.mmul(parameters.get(2 * hidden)).addiRowVector(parameters.get(2 * hidden + 1));
        INDArray gradLogits = CrossEntropy.of(logits, oneHot).gradLogits();
        INDArray[] gradients = new INDArray[parameters.size()];
        gradients[2 * hidden] = x.transpose().mmul(gradLogits);
        gradients[2 * hidden + 1] = gradLogits.sum(true, 0);
        INDArray grad = gradLogits.mmul(parameters.get(2 * hidden).transpose());
        for (int l = hidden - 1; l >= 0; l--) {
            INDArray gradZ = Relu.backwardInPlace(outputs.get(l), grad.dup());
            gradients[2 * l] = inputs.get(l).transpose().mmul(gradZ);
            gradients[2 * l + 1] = gradZ.sum(true, 0);
            INDArray gradInput = gradZ.mmul(parameters.get(2 * l).transpose());
            grad = normalize ? LengthNorm.backward(normalized.get(l), gradInput) : gradInput;
        }
        return List.of(gradients);
    }
}
