package dev.ffbench.recurrent;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.Relu;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One hidden layer of the recurrent net: state(t) = damping * state(t-1) + (1 - damping) *
 * relu([norm(below(t-1)), norm(above(t-1))] W + b). Its gradients are summed over the iterations of a
 * batch and applied once; no gradient reaches the neighbours or earlier iterations.
 */
final class RecurrentLayer {
    private final DenseLayer dense;
    private LayerTraining training;

    RecurrentLayer(PersistentMemory memory, int below, int above, int width, SplittableRandom random) {
        this.dense = new DenseLayer(memory, below + above, width, random);
    }

    /** Gradients and optimizer state, held while the net trains. */
    void startTraining(PersistentMemory memory, Optimizer optimizer) {
        training = LayerTraining.start(dense, memory, optimizer);
    }

    /** Evaluation needs the weights only. */
    void finishTraining(PersistentMemory memory) {
        training.release(memory);
        training = null;
    }

    private static INDArray input(INDArray below, INDArray above) {
        return Nd4j.hstack(LengthNorm.forward(below).rows(), LengthNorm.forward(above).rows());
    }

    /** The undamped activity computed from the neighbours' states. */
    INDArray compute(INDArray below, INDArray above) {
        return Relu.forwardInPlace(dense.forward(input(below, above)));
    }

    /** The damped new state. */
    static INDArray damp(INDArray previous, INDArray computed, double damping) {
        return computed.mul(1 - damping).addi(previous.mul(damping));
    }

    /**
     * Computes the new state, scores it with the local loss (positives in the first half of the rows,
     * their negatives in the second) and adds its parameter gradients to the buffers.
     *
     * @param firstIteration whether to overwrite the gradient buffers instead of adding to them
     */
    Step trainIteration(INDArray below, INDArray above, INDArray previous, double damping, LayerLoss loss,
            GoodnessFunction goodness, boolean firstIteration) {
        INDArray input = input(below, above);
        INDArray computed = Relu.forwardInPlace(dense.forward(input));
        INDArray state = damp(previous, computed, damping);
        LayerLoss.Value value = loss.of(goodness.value(state));
        INDArray gradState = goodness.gradient(state, value.gradGoodness());
        INDArray gradZ = Relu.backwardInPlace(computed, gradState).muli(1 - damping);
        if (firstIteration) {
            dense.parameterGradients(input, gradZ, training.gradients());
        } else {
            dense.accumulateParameterGradients(input, gradZ, training.gradients());
        }
        return new Step(value.loss(), state);
    }

    DenseLayer dense() {
        return dense;
    }

    DenseLayer.Gradients gradients() {
        return training.gradients();
    }

    /** Applies the gradients summed over the batch's iterations. */
    void step() {
        training.step();
    }

    record Step(double loss, INDArray state) {}
}
