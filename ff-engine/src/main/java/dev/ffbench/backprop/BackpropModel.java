package dev.ffbench.backprop;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.ff.Labels;
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
 * An MLP of {@code depth} hidden layers (optional length normalization, linear, ReLU) and a linear
 * softmax head. A training step keeps every layer's normalized input and output in the step
 * workspace until the backward pass, which is why its transient memory grows with depth. All
 * layers hold gradients and optimizer state while training; evaluation keeps the weights only.
 */
final class BackpropModel extends MeasuredModel {
    private final ExperimentSpec spec;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final SplittableRandom random;
    private final List<LayerTraining> training = new ArrayList<>();
    private final Optimizer optimizer;
    private final double learningRate;
    private final boolean normalize;
    private final int classes;

    BackpropModel(ModelContext context) {
        super(context.memory());
        this.spec = context.spec();
        this.optimizer = context.optimizer();
        this.learningRate = context.learningRate();
        this.normalize = spec.options().flag(Backprop.NORMALIZE.name());
        this.classes = context.classes();
        this.random = new SplittableRandom(spec.seed());
        SplittableRandom init = random.split();
        for (int l = 0; l < spec.depth(); l++) {
            layers.add(new DenseLayer(memory, l == 0 ? context.inputSize() : spec.width(), spec.width(), init));
        }
        layers.add(new DenseLayer(memory, spec.width(), classes, init));
    }

    /** What the backward pass needs of one hidden layer. */
    private record Activation(LengthNorm.Normalized normalized, INDArray input, INDArray output) {}

    /** Allocates every layer's gradients and optimizer state, which live until training ends. */
    void startTraining() {
        for (DenseLayer layer : layers) {
            training.add(LayerTraining.start(layer, memory, optimizer));
        }
    }

    /** Frees gradients and optimizer state: evaluation needs the weights only. */
    void finishTraining() {
        training.forEach(layer -> layer.release(memory));
        training.clear();
    }

    @Override
    public List<EpochLoss> train(ImageSet train) {
        startTraining();
        List<EpochLoss> losses = new ArrayList<>();
        try (TransientMemory transientMemory = new TransientMemory("backprop-train")) {
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                int[] order = PixelBatch.shuffled(train.count(), random);
                int steps = PixelBatch.stepsPerEpoch(train.count(), spec.batchSize(), spec.maxStepsPerEpoch());
                double lossSum = 0;
                for (int step = 0; step < steps; step++) {
                    int start = step * spec.batchSize();
                    int count = Math.min(spec.batchSize(), train.count() - start);
                    try (MemoryWorkspace ignored = transientMemory.step()) {
                        lossSum += trainStep(batch(train, order, start, count), oneHot(train, order, start, count),
                                transientMemory);
                    }
                    countTrainingImages(count);
                }
                double loss = lossSum / steps;
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException("backprop loss is " + loss + " in epoch " + epoch
                            + "; lower the learning rate (" + learningRate + ")");
                }
                losses.add(new EpochLoss(epoch, 0, loss));
                epochFinished(epoch);
            }
            recordPhase("all layers", transientMemory);
        }
        finishTraining();
        return losses;
    }

    /**
     * One step on a batch, inside {@code transientMemory}'s step workspace; returns its
     * cross-entropy. The step workspace keeps what the backward pass needs of every layer (its
     * normalized input and its output) and the gradient flowing down; each layer's backward
     * temporaries live in the scratch workspace and are gone before the next layer's.
     */
    double trainStep(INDArray input, INDArray oneHot, TransientMemory transientMemory) {
        int hidden = layers.size() - 1;
        List<Activation> activations = new ArrayList<>(hidden);
        INDArray x = input;
        for (int l = 0; l < hidden; l++) {
            LengthNorm.Normalized normalized = normalize ? LengthNorm.forward(x) : null;
            INDArray layerInput = normalized != null ? normalized.rows() : x;
            INDArray output = Relu.forwardInPlace(layers.get(l).forward(layerInput));
            activations.add(new Activation(normalized, layerInput, output));
            x = output;
        }
        DenseLayer head = layers.get(hidden);
        INDArray gradOutput = Nd4j.create(DataType.FLOAT, input.rows(), spec.width());
        double loss;
        try (MemoryWorkspace scratch = transientMemory.scratch()) {
            CrossEntropy.Value value = CrossEntropy.of(head.forward(x), oneHot);
            head.parameterGradients(x, value.gradLogits(), training.get(hidden).gradients());
            gradOutput.assign(head.inputGradient(value.gradLogits()));
            loss = value.loss();
        }
        for (int l = hidden - 1; l >= 0; l--) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                Activation a = activations.get(l);
                INDArray gradZ = Relu.backwardInPlace(a.output(), gradOutput);
                layers.get(l).parameterGradients(a.input(), gradZ, training.get(l).gradients());
                if (l > 0) {
                    INDArray gradInput = layers.get(l).inputGradient(gradZ);
                    gradOutput.assign(a.normalized() != null ? LengthNorm.backward(a.normalized(), gradInput) : gradInput);
                }
            }
        }
        training.forEach(LayerTraining::step);
        return loss;
    }

    private static INDArray batch(ImageSet set, int[] order, int start, int count) {
        int pixels = set.pixelsPerImage();
        float[] rows = new float[count * pixels];
        for (int i = 0; i < count; i++) {
            PixelBatch.write(set, order[start + i], rows, i * pixels);
        }
        return PixelBatch.toArray(rows, count, pixels);
    }

    private INDArray oneHot(ImageSet set, int[] order, int start, int count) {
        float[] values = new float[count * classes];
        for (int i = 0; i < count; i++) {
            values[i * classes + set.label(order[start + i])] = 1f;
        }
        return PixelBatch.toArray(values, count, classes);
    }

    /** Inference streams through the layers with one carry, like FF evaluation. */
    @Override
    public int[] predict(ImageSet images) {
        return evaluate(images, spec.batchSize(),
                (order, start, count, transientMemory) -> predictBatch(images, order, start, count, transientMemory));
    }

    private int[] predictBatch(ImageSet images, int[] order, int start, int count, TransientMemory transientMemory) {
        INDArray input = batch(images, order, start, count);
        INDArray carry = Nd4j.create(DataType.FLOAT, count, spec.width());
        INDArray logits = Nd4j.create(DataType.FLOAT, count, classes);
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                INDArray x = l == 0 ? input : carry;
                boolean isHead = l == layers.size() - 1;
                INDArray layerInput = normalize && !isHead ? LengthNorm.forward(x).rows() : x;
                INDArray z = layers.get(l).forward(layerInput);
                if (isHead) {
                    logits.assign(z);
                } else {
                    carry.assign(Relu.forwardInPlace(z));
                    observeActivity(l, carry);
                }
            }
        }
        return Labels.argMaxes(logits.toFloatMatrix());
    }
}
