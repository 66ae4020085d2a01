package dev.ffbench.recurrent;

import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Gemm;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.PeerNormalization;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One hidden layer of the recurrent net: state(t) = damping * state(t-1) + (1 - damping) *
 * relu([norm(below(t-1)), norm(above(t-1))] W + b). W is (below + above) x width: its first {@code below}
 * rows take the state (or image) below, the rest the state (or label) above, so each part's product is
 * a product with a block of whole rows of W and no input is ever concatenated. Its gradients are summed
 * over the iterations of a batch and applied once; no gradient reaches the neighbours or earlier
 * iterations. The passes themselves are {@link RecurrentKernels}; {@link FfRecurrentModel} runs them.
 */
final class RecurrentLayer {
    private final DenseLayer dense;
    private final int below;
    private final int above;
    private LayerTraining training;
    /** While training with peer normalization: its running means; else null. */
    private PeerNormalization peer;
    /** Peer normalization's dL/dz per unit on a positive row (Java heap, reused every iteration). */
    private float[] peerGradient;

    RecurrentLayer(PersistentMemory memory, int below, int above, int width, SplittableRandom random) {
        this.dense = new DenseLayer(memory, below + above, width, random);
        this.below = below;
        this.above = above;
    }

    /**
     * Gradients and optimizer state, held while the net trains; with {@code peerWeight} > 0 also peer
     * normalization's running means (1 x width, in the ledger).
     */
    void startTraining(PersistentMemory memory, Optimizer optimizer, double peerWeight) {
        training = LayerTraining.start(dense, memory, optimizer);
        if (peerWeight > 0) {
            peer = new PeerNormalization(peerWeight, dense.outputs(), memory);
            peerGradient = new float[dense.outputs()];
        }
    }

    /** Evaluation needs the weights only. */
    void finishTraining(PersistentMemory memory) {
        training.release(memory);
        training = null;
        if (peer != null) {
            peer.release(memory);
            peer = null;
            peerGradient = null;
        }
    }

    /**
     * Peer normalization on one iteration's new state (positives in its first {@code positives} rows):
     * updates the running means and fills {@link #peerGradient()} with dL/dz per unit of a positive row
     * ({@code chain} x dL/dstate: the state takes the ReLU's output times 1 - damping), passed straight
     * through the ReLU.
     *
     * @return the weighted peer loss; 0 without peer normalization
     */
    double peerLoss(FloatBuffer state, int positives, double chain) {
        if (peer == null) {
            return 0;
        }
        double loss = peer.update(state, positives, dense.outputs(), peerGradient);
        for (int j = 0; j < peerGradient.length; j++) {
            peerGradient[j] = (float) (chain * peerGradient[j]);
        }
        return loss;
    }

    /** The last {@link #peerLoss}'s dL/dz per unit of a positive row; null without peer normalization. */
    float[] peerGradient() {
        return peerGradient;
    }

    /** x W_below: (rows x below) raw rows to a new (rows x width) in the current workspace. */
    INDArray belowProduct(INDArray x) {
        return product(x, belowRows(dense.weights()));
    }

    /** x W_above: (rows x above) raw rows to a new (rows x width) in the current workspace. */
    INDArray aboveProduct(INDArray x) {
        return product(x, aboveRows(dense.weights()));
    }

    private static INDArray product(INDArray x, INDArray weights) {
        INDArray z = Nd4j.createUninitialized(DataType.FLOAT, x.rows(), weights.columns());
        Gemm.gemm(x, weights, z, false, false, 1.0, 0.0);
        return z;
    }

    /** dW_below (+)= x^T scaled: {@code x} the raw rows below, {@code scaled} dz / s of their scales. */
    void belowGradient(INDArray x, INDArray scaled, boolean overwrite) {
        Gemm.gemm(x, scaled, belowRows(training.gradients().weights()), true, false, 1.0, overwrite ? 0.0 : 1.0);
    }

    /** dW_above (+)= x^T scaled, as {@link #belowGradient}. */
    void aboveGradient(INDArray x, INDArray scaled, boolean overwrite) {
        Gemm.gemm(x, scaled, aboveRows(training.gradients().weights()), true, false, 1.0, overwrite ? 0.0 : 1.0);
    }

    private INDArray belowRows(INDArray weights) {
        return weights.get(NDArrayIndex.interval(0, below), NDArrayIndex.all());
    }

    private INDArray aboveRows(INDArray weights) {
        return weights.get(NDArrayIndex.interval(below, below + above), NDArrayIndex.all());
    }

    /** The first row of W that takes the input above (a clamped label's one-hot starts there). */
    int aboveOffset() {
        return below;
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
}
