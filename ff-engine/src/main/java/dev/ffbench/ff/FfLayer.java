package dev.ffbench.ff;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.Relu;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One FF layer: length normalization, linear, ReLU, and while it trains its own gradients and
 * optimizer state. Its input is always detached: no gradient leaves the layer.
 */
final class FfLayer {
    private final DenseLayer dense;
    private DenseLayer.Gradients gradients;
    private Optimizer.Updater weightUpdater;
    private Optimizer.Updater biasUpdater;

    FfLayer(PersistentMemory memory, int inputs, int outputs, SplittableRandom random) {
        this.dense = new DenseLayer(memory, inputs, outputs, random);
    }

    /** The output of one training step: the layer's mean loss and its activations (pre-update). */
    record StepResult(double loss, INDArray output) {}

    INDArray forward(INDArray input) {
        return Relu.forwardInPlace(dense.forward(LengthNorm.forward(input).rows()));
    }

    void startTraining(PersistentMemory memory, Optimizer optimizer) {
        gradients = dense.allocateGradients(memory);
        weightUpdater = optimizer.attach(dense.weights(), memory);
        biasUpdater = optimizer.attach(dense.bias(), memory);
    }

    /** Frees gradients and optimizer state unless {@code keepAll} (the 2022 app kept them). */
    void finishTraining(PersistentMemory memory, boolean keepAll) {
        if (keepAll) {
            return;
        }
        gradients.release(memory);
        weightUpdater.release(memory);
        biasUpdater.release(memory);
        gradients = null;
        weightUpdater = null;
        biasUpdater = null;
    }

    /** One local step on positives (first half of the rows) and their negatives (second half). */
    StepResult trainStep(INDArray input, LayerLoss layerLoss, GoodnessFunction goodness) {
        INDArray normalized = LengthNorm.forward(input).rows();
        INDArray output = Relu.forwardInPlace(dense.forward(normalized));
        LayerLoss.Value loss = layerLoss.of(goodness.value(output));
        INDArray gradZ = Relu.backward(output, goodness.gradient(output, loss.gradGoodness()));
        dense.parameterGradients(normalized, gradZ, gradients);
        weightUpdater.step(gradients.weights());
        biasUpdater.step(gradients.bias());
        return new StepResult(loss.loss(), output);
    }
}
