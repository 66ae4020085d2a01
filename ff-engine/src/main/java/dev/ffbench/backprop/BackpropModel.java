package dev.ffbench.backprop;

import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
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
final class BackpropModel implements Model {
    private final PersistentMemory memory;
    private final ExperimentSpec spec;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final List<LayerTraining> training = new ArrayList<>();
    private final Optimizer optimizer;
    private final boolean normalize;
    private final int classes;
    /** Each step's true classes, reused by every step. */
    private final int[] stepLabels;

    BackpropModel(ModelContext context) {
        this.memory = context.memory();
        this.spec = context.spec();
        this.optimizer = context.optimizer();
        this.normalize = Backprop.NORMALIZE.of(spec);
        this.classes = context.classes();
        this.stepLabels = new int[spec.batchSize()];
        SplittableRandom init = context.random();
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
    public List<TrainingPhase> trainingPhases() {
        return List.of(TrainingPhase.of("all layers", this::startTraining,
                batch -> StepLoss.of(trainStep(batch.pixels(), labels(batch), batch::scratch)), this::finishTraining));
    }

    /**
     * One step on a batch, inside the step workspace; returns its
     * cross-entropy. The step workspace keeps what the backward pass needs of every layer (its
     * normalized input and its output) and the gradient flowing down; each layer's backward
     * temporaries live in the scratch workspace and are gone before the next layer's. Outside the
     * matrix products everything is one Java pass per formula ({@link BackpropKernels}).
     *
     * @param input (rows x pixels) float32
     * @param labels the true class of each row (at least {@code input.rows()} entries)
     */
    double trainStep(INDArray input, int[] labels, java.util.function.Supplier<MemoryWorkspace> scratchWorkspace) {
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
        try (MemoryWorkspace scratch = scratchWorkspace.get()) {
            INDArray gradLogits = head.product(x);
            loss = BackpropKernels.softmaxCrossEntropy(gradLogits, head.bias(), labels);
            DenseLayer.Gradients gradients = training.get(hidden).gradients();
            Nd4j.gemm(x, gradLogits, gradients.weights(), true, false, 1.0, 0.0);
            BackpropKernels.columnSums(gradLogits, gradients.bias());
            Nd4j.gemm(gradLogits, head.weights(), gradOutput, false, true, 1.0, 0.0);
        }
        for (int l = hidden - 1; l >= 0; l--) {
            try (MemoryWorkspace scratch = scratchWorkspace.get()) {
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

    /** The true class of the batch's images, in a buffer reused by every step. */
    private int[] labels(Batch batch) {
        for (int i = 0; i < batch.count(); i++) {
            stepLabels[i] = batch.label(i);
        }
        return stepLabels;
    }

    /** Inference streams through the layers with one carry, like FF evaluation. */
    @Override
    public int[] predict(Batch batch) {
        int count = batch.count();
        INDArray input = batch.pixels();
        INDArray carry = Nd4j.createUninitialized(DataType.FLOAT, count, spec.width());
        int[] predictions = new int[count];
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = batch.scratch()) {
                INDArray x = l == 0 ? input : carry;
                boolean isHead = l == layers.size() - 1;
                INDArray layerInput = normalize && !isHead ? BackpropKernels.normalize(x).rows() : x;
                INDArray z = layers.get(l).product(layerInput);
                if (isHead) {
                    BackpropKernels.argMaxes(z, layers.get(l).bias(), predictions);
                } else {
                    BackpropKernels.biasRelu(z, layers.get(l).bias());
                    Floats.of(carry).put(Floats.of(z));
                    batch.observe(l, carry);
                }
            }
        }
        return predictions;
    }
}
