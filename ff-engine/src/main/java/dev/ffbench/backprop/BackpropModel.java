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
import dev.ffbench.nn.Gemm;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An MLP of {@code depth} hidden layers (optional length normalization, linear, ReLU) and a linear
 * softmax head, trained with one backward pass per step; backprop and its memory variants differ only
 * in what a step keeps and when the optimizer steps ({@link BackpropPlan}).
 *
 * <p>A step keeps per hidden layer exactly what the backward pass needs: the layer's (normalized)
 * input and, with normalization, one scale per row. Nothing else: a layer's ReLU output is normalized
 * in place into the next layer's input, and the ReLU's mask is read off that input's signs (h / s has
 * h's sign, s > 0); only the top layer's output, the head's input, is kept as it is. With
 * checkpointing every k-th layer only layers 0, k, 2k, ... keep their input through the step: the
 * others' are computed into k - 1 segment buffers, reused segment by segment, and computed again
 * from the segment's first input in the backward pass (the top segment's are still there). Evaluation
 * keeps the weights only.
 */
final class BackpropModel implements Model {
    private final PersistentMemory memory;
    private final ExperimentSpec spec;
    private final List<DenseLayer> layers = new ArrayList<>();
    private final Optimizer optimizer;
    private final boolean normalize;
    private final BackpropPlan plan;
    /** Each step's true classes, reused by every step. */
    private final int[] stepLabels;
    private BackpropTraining training;

    BackpropModel(ModelContext context, BackpropPlan plan) {
        this.memory = context.memory();
        this.spec = context.spec();
        this.optimizer = context.optimizer();
        this.normalize = Backprop.NORMALIZE.of(spec);
        this.plan = plan;
        this.stepLabels = new int[spec.batchSize()];
        SplittableRandom init = context.random();
        for (int l = 0; l < spec.depth(); l++) {
            layers.add(new DenseLayer(memory, l == 0 ? context.inputSize() : spec.width(), spec.width(), init));
        }
        layers.add(new DenseLayer(memory, spec.width(), context.classes(), init));
    }

    /** Allocates every layer's optimizer state and the gradient buffers, which live until training ends. */
    void startTraining() {
        training = BackpropTraining.start(layers, memory, optimizer, plan.updateInBackward());
    }

    /** The hidden layers, then the head (for tests). */
    List<DenseLayer> layers() {
        return layers;
    }

    /** Frees gradients and optimizer state: evaluation needs the weights only. */
    void finishTraining() {
        training.release(memory);
        training = null;
    }

    @Override
    public List<TrainingPhase> trainingPhases() {
        return List.of(TrainingPhase.of("all layers", this::startTraining,
                batch -> StepLoss.of(trainStep(batch.pixels(), labels(batch), batch::scratch)), this::finishTraining));
    }

    /**
     * One step on a batch, inside the step workspace; returns its cross-entropy. The step workspace
     * keeps the layers' inputs the plan keeps, the segment buffers, the top layer's output and the
     * gradient flowing down; the head's logits and each layer's dL/d(input) live in the scratch
     * workspace and are gone before the next layer's. Outside the matrix products everything is one
     * Java pass per formula ({@link BackpropKernels}).
     *
     * @param input (rows x pixels) float32
     * @param labels the true class of each row (at least {@code input.rows()} entries)
     */
    double trainStep(INDArray input, int[] labels, Supplier<MemoryWorkspace> scratchWorkspace) {
        int hidden = layers.size() - 1;
        int every = plan.checkpointEvery(hidden);
        long rows = input.rows();
        // inputs[l]: layer l's input as the backward pass reads it (normalized rows and scales, or x and null)
        LengthNorm.Normalized[] inputs = new LengthNorm.Normalized[hidden];
        INDArray[] segmentRows = new INDArray[every - 1];
        INDArray[] segmentScales = new INDArray[every - 1];
        for (int i = 0; i < every - 1; i++) {
            segmentRows[i] = Nd4j.createUninitialized(DataType.FLOAT, rows, spec.width());
            segmentScales[i] = normalize ? Nd4j.createUninitialized(DataType.FLOAT, rows, 1) : null;
        }
        inputs[0] = normalize ? BackpropKernels.normalize(input) : new LengthNorm.Normalized(input, null);
        INDArray top = null;
        for (int first = 0; first < hidden; first += every) {
            int end = Math.min(first + every, hidden);
            fillSegment(inputs, first, end, segmentRows, segmentScales);
            // the segment's last layer's output: the next kept input, or the head's input
            INDArray output = layers.get(end - 1).product(inputs[end - 1].rows());
            BackpropKernels.biasRelu(output, layers.get(end - 1).bias());
            if (end < hidden) {
                inputs[end] = normalize
                        ? BackpropKernels.normalizeInto(output, output, Nd4j.createUninitialized(DataType.FLOAT, rows, 1))
                        : new LengthNorm.Normalized(output, null);
            } else {
                top = output;
            }
        }
        DenseLayer head = layers.get(hidden);
        INDArray gradOutput = Nd4j.createUninitialized(DataType.FLOAT, rows, spec.width());
        double loss;
        try (MemoryWorkspace scratch = scratchWorkspace.get()) {
            INDArray gradLogits = head.product(top);
            loss = BackpropKernels.softmaxCrossEntropy(gradLogits, head.bias(), labels);
            DenseLayer.Gradients gradients = training.gradients(hidden);
            Gemm.gemm(top, gradLogits, gradients.weights(), true, false, 1.0, 0.0);
            BackpropKernels.columnSums(gradLogits, gradients.bias());
            Gemm.gemm(gradLogits, head.weights(), gradOutput, false, true, 1.0, 0.0);
        }
        training.afterLayer(hidden);
        int topFirst = (hidden - 1) / every * every;
        for (int first = topFirst; first >= 0; first -= every) {
            int end = Math.min(first + every, hidden);
            if (first != topFirst) {
                // recompute: the segment buffers hold the segment above's inputs, which are done with
                fillSegment(inputs, first, end, segmentRows, segmentScales);
            }
            for (int l = end - 1; l >= first; l--) {
                backward(l, inputs[l], l == hidden - 1 ? top : inputs[l + 1].rows(), gradOutput, scratchWorkspace);
            }
        }
        training.afterBackward();
        return loss;
    }

    /**
     * The inputs of layers {@code first + 1 .. end - 1} from layer {@code first}'s kept input, each into
     * its segment buffer: product, bias and ReLU, then normalized in place.
     */
    private void fillSegment(LengthNorm.Normalized[] inputs, int first, int end, INDArray[] segmentRows,
            INDArray[] segmentScales) {
        for (int l = first; l < end - 1; l++) {
            INDArray output = segmentRows[l - first];
            Gemm.gemm(inputs[l].rows(), layers.get(l).weights(), output, false, false, 1.0, 0.0);
            BackpropKernels.biasRelu(output, layers.get(l).bias());
            inputs[l + 1] = normalize ? BackpropKernels.normalizeInto(output, output, segmentScales[l - first])
                    : new LengthNorm.Normalized(output, null);
        }
    }

    /**
     * Hidden layer {@code l}'s backward pass: {@code gradOutput} holds dL/dh on entry and dL/dh of the
     * layer below on exit (layer 0 leaves it as dL/dz); the layer's gradients go to its buffers.
     *
     * @param input the layer's input as kept (normalized rows and scales)
     * @param signs the layer's output or anything of its signs (the next layer's normalized input)
     */
    private void backward(int l, LengthNorm.Normalized input, INDArray signs, INDArray gradOutput,
            Supplier<MemoryWorkspace> scratchWorkspace) {
        try (MemoryWorkspace scratch = scratchWorkspace.get()) {
            DenseLayer.Gradients gradients = training.gradients(l);
            BackpropKernels.reluBackward(signs, gradOutput, gradients.bias());
            Gemm.gemm(input.rows(), gradOutput, gradients.weights(), true, false, 1.0, 0.0);
            if (l > 0) {
                // dL/d(input) with the weights as they were in the forward pass, before the layer steps
                INDArray gradInput = layers.get(l).inputGradient(gradOutput);
                training.afterLayer(l);
                if (input.scales() != null) {
                    BackpropKernels.lengthNormBackward(input, gradInput, gradOutput);
                } else {
                    Floats.of(gradOutput).put(Floats.of(gradInput));
                }
            } else {
                training.afterLayer(l);
            }
        }
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
