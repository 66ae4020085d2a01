package dev.ffbench.backprop;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.PixelBatch;
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
    /** Each step's true classes, reused by every step. */
    private final int[] stepLabels;

    BackpropModel(ModelContext context) {
        super(context.memory());
        this.spec = context.spec();
        this.optimizer = context.optimizer();
        this.learningRate = context.learningRate();
        this.normalize = spec.options().flag(Backprop.NORMALIZE.name());
        this.classes = context.classes();
        this.stepLabels = new int[spec.batchSize()];
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

    /** The hidden layers, then the head (for tests). */
    List<DenseLayer> layers() {
        return layers;
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
                        lossSum += trainStep(PixelBatch.rows(train, order, start, count),
                                labels(train, order, start, count), transientMemory);
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
     * temporaries live in the scratch workspace and are gone before the next layer's. Outside the
     * matrix products everything is one Java pass per formula ({@link BackpropKernels}).
     *
     * @param input (rows x pixels) float32
     * @param labels the true class of each row (at least {@code input.rows()} entries)
     */
    double trainStep(INDArray input, int[] labels, TransientMemory transientMemory) {
        int hidden = layers.size() - 1;
        List<Activation> activations = new ArrayList<>(hidden);
        INDArray x = input;
        for (int l = 0; l < hidden; l++) {
            LengthNorm.Normalized normalized = normalize ? BackpropKernels.normalize(x) : null;
            INDArray layerInput = normalized != null ? normalized.rows() : x;
            INDArray output = layers.get(l).product(layerInput);
            BackpropKernels.biasRelu(output, layers.get(l).bias());
            activations.add(new Activation(normalized, layerInput, output));
            x = output;
        }
        DenseLayer head = layers.get(hidden);
        INDArray gradOutput = Nd4j.createUninitialized(DataType.FLOAT, input.rows(), spec.width());
        double loss;
        try (MemoryWorkspace scratch = transientMemory.scratch()) {
            INDArray gradLogits = head.product(x);
            loss = BackpropKernels.softmaxCrossEntropy(gradLogits, head.bias(), labels);
            DenseLayer.Gradients gradients = training.get(hidden).gradients();
            Nd4j.gemm(x, gradLogits, gradients.weights(), true, false, 1.0, 0.0);
            BackpropKernels.columnSums(gradLogits, gradients.bias());
            Nd4j.gemm(gradLogits, head.weights(), gradOutput, false, true, 1.0, 0.0);
        }
        for (int l = hidden - 1; l >= 0; l--) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                Activation a = activations.get(l);
                DenseLayer.Gradients gradients = training.get(l).gradients();
                BackpropKernels.reluBackward(a.output(), gradOutput, gradients.bias());
                Nd4j.gemm(a.input(), gradOutput, gradients.weights(), true, false, 1.0, 0.0);
                if (l > 0) {
                    INDArray gradInput = layers.get(l).inputGradient(gradOutput);
                    if (a.normalized() != null) {
                        BackpropKernels.lengthNormBackward(a.normalized(), gradInput, gradOutput);
                    } else {
                        Floats.of(gradOutput).put(Floats.of(gradInput));
                    }
                }
            }
        }
        training.forEach(LayerTraining::step);
        return loss;
    }

    /** The true class of images {@code order[start..start+count)}, in a buffer reused by every step. */
    private int[] labels(ImageSet set, int[] order, int start, int count) {
        for (int i = 0; i < count; i++) {
            stepLabels[i] = set.label(order[start + i]);
        }
        return stepLabels;
    }

    /** Inference streams through the layers with one carry, like FF evaluation. */
    @Override
    public int[] predict(ImageSet images) {
        return evaluate(images, spec.batchSize(),
                (order, start, count, transientMemory) -> predictBatch(images, order, start, count, transientMemory));
    }

    private int[] predictBatch(ImageSet images, int[] order, int start, int count, TransientMemory transientMemory) {
        INDArray input = PixelBatch.rows(images, order, start, count);
        INDArray carry = Nd4j.createUninitialized(DataType.FLOAT, count, spec.width());
        int[] predictions = new int[count];
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                INDArray x = l == 0 ? input : carry;
                boolean isHead = l == layers.size() - 1;
                INDArray layerInput = normalize && !isHead ? BackpropKernels.normalize(x).rows() : x;
                INDArray z = layers.get(l).product(layerInput);
                if (isHead) {
                    BackpropKernels.argMaxes(z, layers.get(l).bias(), predictions);
                } else {
                    BackpropKernels.biasRelu(z, layers.get(l).bias());
                    Floats.of(carry).put(Floats.of(z));
                    observeActivity(l, carry);
                }
            }
        }
        return predictions;
    }
}
