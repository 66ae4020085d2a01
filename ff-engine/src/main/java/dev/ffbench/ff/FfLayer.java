package dev.ffbench.ff;

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
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One FF layer: length normalization, linear, ReLU, and while it trains its own gradients and
 * optimizer state. Its input is always detached: no gradient leaves the layer.
 */
final class FfLayer {
    private final DenseLayer dense;
    private LayerTraining training;

    FfLayer(PersistentMemory memory, int inputs, int outputs, SplittableRandom random) {
        this.dense = new DenseLayer(memory, inputs, outputs, random);
    }

    /** The output of one training step: the layer's mean loss and its activations (pre-update). */
    record StepResult(double loss, INDArray output) {}

    INDArray forward(INDArray input) {
        return Relu.forwardInPlace(dense.forward(LengthNorm.forward(input).rows()));
    }

    void startTraining(PersistentMemory memory, Optimizer optimizer) {
        training = LayerTraining.start(dense, memory, optimizer);
    }

    /** Frees gradients and optimizer state unless {@code keepAll} (the 2022 app kept them). */
    void finishTraining(PersistentMemory memory, boolean keepAll) {
        if (keepAll) {
            return;
        }
        training.release(memory);
        training = null;
    }

    /**
     * The first layer's activations for every image under each block of labels: {@code oneHot} has
     * one block of {@code batch.rows()} rows per label set (positives then negatives in training,
     * one label at evaluation). {@code imageProduct} is x W of the label-free images.
     */
    INDArray forwardLabelled(LabelledBatch batch, INDArray imageProduct, INDArray oneHot) {
        long images = batch.rows();
        INDArray z = Nd4j.createUninitialized(imageProduct.dataType(), oneHot.rows(), dense.outputs());
        for (long block = 0; block < oneHot.rows(); block += images) {
            z.get(rows(block, block + images)).assign(imageProduct);
        }
        Nd4j.gemm(oneHot, labelWeights(dense.weights(), batch, oneHot.columns()), z, false, false, 1.0, 1.0);
        for (long block = 0; block < oneHot.rows(); block += images) {
            z.get(rows(block, block + images)).diviColumnVector(batch.scales());
        }
        return Relu.forwardInPlace(z.addiRowVector(dense.bias()));
    }

    /** x W of the batch's label-free images, shared by all their labels. */
    INDArray imageProduct(LabelledBatch batch) {
        return dense.product(batch.images());
    }

    /**
     * The first layer's local step on positives (labels {@code oneHot} rows 0..n-1) and their
     * negatives (rows n..2n-1) of the same n images. A positive and its negative share the image
     * and the scale, so the weight gradient needs the big product once per image.
     */
    StepResult trainStepLabelled(LabelledBatch batch, INDArray oneHot, LayerLoss layerLoss, GoodnessFunction goodness) {
        long images = batch.rows();
        INDArray output = forwardLabelled(batch, imageProduct(batch), oneHot);
        LayerLoss.Value loss = layerLoss.of(goodness.value(output));
        INDArray gradZ = Relu.backwardInPlace(output, goodness.gradient(output, loss.gradGoodness()));
        INDArray paired = gradZ.get(rows(0, images)).add(gradZ.get(rows(images, 2 * images)));
        INDArray normalizedImages = batch.images().divColumnVector(batch.scales());
        DenseLayer.Gradients gradients = training.gradients();
        Nd4j.gemm(normalizedImages, paired, gradients.weights(), true, false, 1.0, 0.0);
        INDArray normalizedLabels = oneHot.dup();
        normalizedLabels.get(rows(0, images)).diviColumnVector(batch.scales());
        normalizedLabels.get(rows(images, 2 * images)).diviColumnVector(batch.scales());
        Nd4j.gemm(normalizedLabels, gradZ, labelWeights(gradients.weights(), batch, oneHot.columns()), true, false, 1.0, 1.0);
        gradients.bias().assign(gradZ.sum(true, 0));
        training.step();
        return new StepResult(loss.loss(), output);
    }

    /** The K rows of a weight (or weight gradient) matrix that multiply the label inputs. */
    private static INDArray labelWeights(INDArray weights, LabelledBatch batch, long classes) {
        return weights.get(rows(batch.labelOffset(), batch.labelOffset() + classes));
    }

    private static INDArrayIndex[] rows(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.interval(from, to), NDArrayIndex.all()};
    }

    /** One local step on positives (first half of the rows) and their negatives (second half). */
    StepResult trainStep(INDArray input, LayerLoss layerLoss, GoodnessFunction goodness) {
        INDArray normalized = LengthNorm.forward(input).rows();
        INDArray output = Relu.forwardInPlace(dense.forward(normalized));
        LayerLoss.Value loss = layerLoss.of(goodness.value(output));
        INDArray gradZ = Relu.backwardInPlace(output, goodness.gradient(output, loss.gradGoodness()));
        dense.parameterGradients(normalized, gradZ, training.gradients());
        training.step();
        return new StepResult(loss.loss(), output);
    }
}
