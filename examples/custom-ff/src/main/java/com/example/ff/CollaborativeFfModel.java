package com.example.ff;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.ff.LabelEmbedding;
import dev.ffbench.ff.Labels;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.PixelBatch;
import dev.ffbench.nn.Relu;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network of {@link CollaborativeFf}: hidden layers of length normalization, linear and ReLU, the
 * label overlaid on the first K inputs. A step makes two passes up the stack: the first sums every
 * layer's goodness, the second computes each layer's gradient from the loss on that sum; then all
 * layers step. Only one activation array is handed up the stack, so the working set does not grow
 * with depth (the ledger shows it); every layer holds gradients and optimizer state while training.
 */
final class CollaborativeFfModel extends MeasuredModel {
    private final ModelContext context;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final GoodnessFunction goodness;
    private final LayerLoss networkLoss;
    private final LabelEmbedding embedding;
    private final SplittableRandom random;

    CollaborativeFfModel(ModelContext context) {
        super(context.memory());
        this.context = context;
        int width = context.spec().width();
        this.goodness = context.goodness(CollaborativeFf.GOODNESS.name());
        Double threshold = context.spec().options().optionalNumber(CollaborativeFf.THRESHOLD.name());
        double perLayer = threshold != null ? threshold : goodness.naturalThreshold(width);
        this.networkLoss = goodness.loss(perLayer * context.spec().depth(), null);
        this.embedding = new LabelEmbedding("overlay", context.classes());
        this.random = new SplittableRandom(context.spec().seed());
        SplittableRandom init = random.split();
        for (int l = 0; l < context.spec().depth(); l++) {
            layers.add(new DenseLayer(memory, l == 0 ? context.inputSize() : width, width, init));
        }
    }

    @Override
    public List<EpochLoss> train(ImageSet train) {
        Optimizer optimizer = context.optimizer();
        List<LayerTraining> training = layers.stream().map(layer -> LayerTraining.start(layer, memory, optimizer)).toList();
        List<EpochLoss> losses = new ArrayList<>();
        int batch = context.spec().batchSize();
        try (TransientMemory transientMemory = new TransientMemory("collab-ff-train")) {
            for (int epoch = 1; epoch <= context.spec().epochs(); epoch++) {
                int[] order = PixelBatch.shuffled(train.count(), random);
                int steps = PixelBatch.stepsPerEpoch(train.count(), batch, context.spec().maxStepsPerEpoch());
                double lossSum = 0;
                for (int step = 0; step < steps; step++) {
                    int start = step * batch;
                    int count = Math.min(batch, train.count() - start);
                    try (MemoryWorkspace ignored = transientMemory.step()) {
                        lossSum += step(positivesThenNegatives(train, order, start, count), training, transientMemory);
                    }
                    countTrainingImages(count);
                }
                double loss = lossSum / steps;
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException("collab-ff loss is " + loss + " in epoch " + epoch
                            + "; lower the learning rate (" + context.learningRate() + ")");
                }
                losses.add(new EpochLoss(epoch, 0, loss));
            }
            recordPhase("all layers", transientMemory);
        }
        training.forEach(layer -> layer.release(memory));
        return losses;
    }

    /** One step on 2n rows (n positives, then their n negatives); returns the network's loss. */
    private double step(INDArray rows, List<LayerTraining> training, TransientMemory transientMemory) {
        INDArray carry = Nd4j.create(DataType.FLOAT, rows.rows(), context.spec().width());
        INDArray total = Nd4j.zeros(DataType.FLOAT, rows.rows(), 1);
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                INDArray h = forward(l, l == 0 ? rows : carry);
                total.addi(goodness.value(h));
                carry.assign(h);
            }
        }
        LayerLoss.Value loss = networkLoss.of(total);
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                INDArray normalized = LengthNorm.forward(l == 0 ? rows : carry).rows();
                INDArray h = Relu.forwardInPlace(layers.get(l).forward(normalized));
                // the other layers' goodness is a constant: dL/dg_l is dL/d(total)
                INDArray gradZ = Relu.backwardInPlace(h, goodness.gradient(h, loss.gradGoodness()));
                layers.get(l).parameterGradients(normalized, gradZ, training.get(l).gradients());
                carry.assign(h);
            }
        }
        training.forEach(LayerTraining::step);
        return loss.loss();
    }

    private INDArray forward(int layer, INDArray input) {
        return Relu.forwardInPlace(layers.get(layer).forward(LengthNorm.forward(input).rows()));
    }

    /** The images with their true label overlaid, then the same images with a wrong label. */
    private INDArray positivesThenNegatives(ImageSet images, int[] order, int start, int count) {
        int inputs = embedding.inputSize(images.pixelsPerImage());
        float[] values = new float[2 * count * inputs];
        for (int i = 0; i < count; i++) {
            int image = order[start + i];
            int label = images.label(image);
            int wrong = Labels.uniformWrong(label, context.classes(), random);
            embedding.writeImage(images, image, values, i);
            embedding.writeImage(images, image, values, count + i);
            values[i * inputs + embedding.labelOffset(images.pixelsPerImage()) + label] = 1f;
            values[(count + i) * inputs + embedding.labelOffset(images.pixelsPerImage()) + wrong] = 1f;
        }
        return PixelBatch.toArray(values, 2 * count, inputs);
    }

    /** For each label, the network's total goodness with that label overlaid; the label with the most wins. */
    @Override
    public int[] predict(ImageSet images) {
        return evaluate(images, context.spec().batchSize(), (order, start, count, transientMemory) -> {
            int inputs = embedding.inputSize(images.pixelsPerImage());
            int offset = embedding.labelOffset(images.pixelsPerImage());
            float[] values = new float[count * inputs];
            for (int i = 0; i < count; i++) {
                embedding.writeImage(images, order[start + i], values, i);
            }
            INDArray rows = PixelBatch.toArray(values, count, inputs);
            INDArray carry = Nd4j.create(DataType.FLOAT, count, context.spec().width());
            float[][] scores = new float[count][context.classes()];
            for (int label = 0; label < context.classes(); label++) {
                INDArray labelColumn = rows.getColumn(offset + label, true);
                labelColumn.assign(1f);
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = transientMemory.scratch()) {
                        INDArray h = forward(l, l == 0 ? rows : carry);
                        float[] g = goodness.value(h).toFloatVector();
                        for (int i = 0; i < count; i++) {
                            scores[i][label] += g[i];
                        }
                        carry.assign(h);
                    }
                }
                labelColumn.assign(0f);
            }
            return Labels.argMaxes(scores);
        });
    }
}
