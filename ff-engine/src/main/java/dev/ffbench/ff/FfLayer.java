package dev.ffbench.ff;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.Gemm;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.PeerNormalization;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One FF layer: length normalization, linear, ReLU, and while it trains its own gradients and
 * optimizer state. Its input is always detached: no gradient leaves the layer.
 *
 * <p>A step runs two matrix products (the forward product and the weight gradient) and, between them,
 * single Java passes over the activations ({@link FfKernels}): the normalization folded into the
 * products, bias, ReLU and the rows' sums of squares in one pass; the loss over the goodness column;
 * the gradient, its scaling and the bias gradient in one more. With a {@link QuadraticGoodness} (all
 * the built-ins) the goodness comes from the sums of squares and its gradient needs no ReLU mask;
 * other goodness functions are called through their interface. Every array is created in the current
 * workspace (the caller's scratch workspace).
 */
final class FfLayer {
    private final DenseLayer dense;
    private LayerTraining training;
    /** While training with peer normalization: its running means; else null. */
    private PeerNormalization peer;
    /** Peer normalization's gradient coefficient per unit (Java heap, reused every step). */
    private float[] peerCoefficients;

    FfLayer(PersistentMemory memory, int inputs, int outputs, SplittableRandom random) {
        this.dense = new DenseLayer(memory, inputs, outputs, random);
    }

    void startTraining(PersistentMemory memory, Optimizer optimizer) {
        startTraining(memory, optimizer, 0);
    }

    /** @param peerWeight the weight of the peer-normalization loss; 0: none (no running means are kept) */
    void startTraining(PersistentMemory memory, Optimizer optimizer, double peerWeight) {
        training = LayerTraining.start(dense, memory, optimizer);
        if (peerWeight > 0) {
            peer = new PeerNormalization(peerWeight, dense.outputs(), memory);
            peerCoefficients = new float[dense.outputs()];
        }
    }

    /** Frees gradients, optimizer state and running means unless {@code keepAll} (the 2022 app kept them). */
    void finishTraining(PersistentMemory memory, boolean keepAll) {
        if (keepAll) {
            return;
        }
        training.release(memory);
        training = null;
        if (peer != null) {
            peer.release(memory);
            peer = null;
        }
    }

    /**
     * A hidden layer's activations: relu(normalize(x) W + b) of {@code in}'s rows, written into
     * {@code out} (which may be {@code in}: the product goes through a new array first).
     */
    void forward(Activations in, Activations out) {
        INDArray z = dense.product(in.values());
        FfKernels.biasRelu(Floats.of(z), Floats.of(in.squares()), dense.inputs(), Floats.of(dense.bias()),
                Floats.of(out.values()), Floats.of(out.squares()), (int) in.rows(), dense.outputs());
    }

    /** x W of the batch's label-free images: (images x outputs), a new array shared by all their labels. */
    INDArray imageProduct(LabelledBatch batch) {
        return dense.product(batch.images());
    }

    /**
     * The first layer's activations for labelled rows, written into {@code out}: row r is image
     * r mod images with label {@code labels[r]} (positives then negatives in training, one label for all
     * rows at evaluation).
     *
     * @param imageProduct {@link #imageProduct} of the batch
     */
    void forwardLabelled(LabelledBatch batch, INDArray imageProduct, int[] labels, Activations out) {
        FfKernels.labelledBiasRelu(Floats.of(imageProduct), (int) batch.rows(), Floats.of(dense.weights()),
                batch.labelOffset(), labels, batch.classes(), Floats.of(batch.inverseScales()), Floats.of(dense.bias()),
                Floats.of(out.values()), Floats.of(out.squares()), (int) out.rows(), dense.outputs());
    }

    /**
     * The first layer's activations for a {@link LabelledBatch#neutral} batch, written into {@code out}:
     * the neutral label 1/K on each label input adds the mean of the K label rows of W to x W.
     *
     * @param product {@link #imageProduct} of the same images, neutral or labelled (its label columns are
     *        zero either way), so a frozen layer's product of the training rows serves the readout too
     */
    void forwardNeutral(LabelledBatch batch, INDArray product, Activations out) {
        int rows = (int) batch.rows();
        int units = dense.outputs();
        INDArray neutral = Nd4j.createUninitialized(DataType.FLOAT, 1, units);
        FloatBuffer weights = Floats.of(dense.weights());
        float[] sum = new float[units];
        float[] row = new float[units];
        for (int k = 0; k < batch.classes(); k++) {
            weights.get((batch.labelOffset() + k) * units, row, 0, units);
            for (int j = 0; j < units; j++) {
                sum[j] += row[j];
            }
        }
        for (int j = 0; j < units; j++) {
            sum[j] /= batch.classes();
        }
        Floats.of(neutral).put(0, sum, 0, units);
        FfKernels.labelledBiasRelu(Floats.of(product), rows, Floats.of(neutral), 0, new int[rows], 1,
                Floats.of(batch.inverseScales()), Floats.of(dense.bias()), Floats.of(out.values()),
                Floats.of(out.squares()), rows, units);
    }

    /**
     * The first layer's local step on the batch's n images as positives (labels {@code labels[0..n)})
     * and negatives (labels {@code labels[n..2n)}). A positive and its negative share the image and the
     * scale, so the weight gradient needs the big product once per image.
     *
     * @param handOn where to put the layer's (pre-update) activations for the layer above (they are
     *        written there directly), or null
     * @return the layer's mean loss
     */
    double trainStepLabelled(LabelledBatch batch, int[] labels, LayerLoss layerLoss, GoodnessFunction goodness,
            Activations handOn) {
        int images = (int) batch.rows();
        int units = dense.outputs();
        INDArray imageProduct = imageProduct(batch);
        Activations output = handOn != null ? handOn : Activations.create(2L * images, units);
        forwardLabelled(batch, imageProduct, labels, output);
        Gradient gradient = gradient(output, layerLoss, goodness);
        DenseLayer.Gradients gradients = training.gradients();
        // the image product is no longer needed: it takes the paired, scaled gradient rows
        INDArray labelGradient = Nd4j.createUninitialized(DataType.FLOAT, batch.classes(), units);
        FfKernels.pairedGradient(Floats.of(gradient.source()), gradient.perRow(), gradient.factor(),
                gradient.positiveShift(), images, labels,
                Floats.of(batch.inverseScales()), Floats.of(imageProduct), Floats.of(labelGradient), batch.classes(),
                Floats.of(gradients.bias()), units);
        Gemm.gemm(batch.images(), imageProduct, gradients.weights(), true, false, 1.0, 0.0);
        FfKernels.addLabelRows(Floats.of(labelGradient), batch.classes(), batch.labelOffset(),
                Floats.of(gradients.weights()), units);
        training.step();
        return gradient.loss();
    }

    /**
     * One local step on positives (first half of {@code in}'s rows) and their negatives (second half).
     *
     * @param handOn where to put the layer's (pre-update) activations for the layer above, or null; may
     *        be {@code in} (written after the weight gradient has read it)
     * @param overwriteActivations whether the gradient may be written over the activations (only when
     *        they are not handed on); else it takes an array of its own
     * @return the layer's mean loss
     */
    double trainStep(Activations in, LayerLoss layerLoss, GoodnessFunction goodness, Activations handOn,
            boolean overwriteActivations) {
        int rows = (int) in.rows();
        int units = dense.outputs();
        INDArray z = dense.product(in.values());
        Activations output = new Activations(z, Nd4j.createUninitialized(DataType.FLOAT, rows, 1));
        FfKernels.biasRelu(Floats.of(z), Floats.of(in.squares()), dense.inputs(), Floats.of(dense.bias()),
                Floats.of(z), Floats.of(output.squares()), rows, units);
        Gradient gradient = gradient(output, layerLoss, goodness);
        INDArray scaled = (overwriteActivations && handOn == null) || gradient.source() != z
                ? gradient.source()
                : Nd4j.createUninitialized(DataType.FLOAT, rows, units);
        DenseLayer.Gradients gradients = training.gradients();
        FfKernels.scaledGradient(Floats.of(gradient.source()), gradient.perRow(), gradient.factor(),
                gradient.positiveShift(), Floats.of(in.squares()), dense.inputs(), Floats.of(scaled), Floats.of(gradients.bias()), rows, units);
        Gemm.gemm(in.values(), scaled, gradients.weights(), true, false, 1.0, 0.0);
        handOn(output, handOn);
        training.step();
        return gradient.loss();
    }

    private static void handOn(Activations output, Activations to) {
        if (to != null) {
            Floats.of(to.values()).put(Floats.of(output.values()));
            Floats.of(to.squares()).put(Floats.of(output.squares()));
        }
    }

    /**
     * The loss of a step and dL/dz in the form the kernels take: dz[r, j] = factor * perRow[r] *
     * source[r, j] (perRow null: 1), plus positiveShift[j] on the positive rows (the first half; null:
     * none). For a quadratic goodness c * sum h^2, source is h itself and perRow is dL/dg (dz = 2 c dL/dg
     * h, already 0 where the ReLU is off); otherwise source is the function's dL/dh with the ReLU's zeros
     * applied. positiveShift is peer normalization's gradient, which passes the ReLU whether or not the
     * unit fired; the kernels add it, so it needs no array of its own.
     */
    private record Gradient(double loss, INDArray source, FloatBuffer perRow, double factor, float[] positiveShift) {}

    /** The goodness loss's gradient, plus peer normalization's when it is on. */
    private Gradient gradient(Activations output, LayerLoss layerLoss, GoodnessFunction goodness) {
        Gradient plain = goodnessGradient(output, layerLoss, goodness);
        if (peer == null) {
            return plain;
        }
        double peerLoss = peer.update(Floats.of(output.values()), (int) output.rows() / 2, dense.outputs(),
                peerCoefficients);
        return new Gradient(plain.loss() + peerLoss, plain.source(), plain.perRow(), plain.factor(), peerCoefficients);
    }

    private Gradient goodnessGradient(Activations output, LayerLoss layerLoss, GoodnessFunction goodness) {
        int rows = (int) output.rows();
        int units = dense.outputs();
        if (goodness instanceof QuadraticGoodness quadratic) {
            double coefficient = quadratic.coefficient(units);
            LayerLoss.Value loss = layerLoss.of(quadratic.valueFromSquares(output.squares(), units));
            return new Gradient(loss.loss(), output.values(), Floats.of(Floats.rowMajor(loss.gradGoodness())),
                    2 * coefficient, null);
        }
        LayerLoss.Value loss = layerLoss.of(goodness.value(output.values()));
        INDArray gradH = Floats.rowMajor(goodness.gradient(output.values(), loss.gradGoodness()));
        FfKernels.maskInactive(Floats.of(output.values()), Floats.of(gradH), rows, units);
        return new Gradient(loss.loss(), gradH, null, 1.0, null);
    }

    DenseLayer dense() {
        return dense;
    }
}
