package dev.ffbench.ff;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.Gemm;
import dev.ffbench.nn.Optimizer;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FF Base's readouts. {@code goodness}: one pass per label, the label with the most goodness summed over
 * layers 2..n (layer 1 alone at depth 1; Hinton 2022, 3.3); {@code goodness-all}: summed over every
 * layer. {@code softmax} and {@code softmax-all}: one pass with a neutral label (1/K on every label
 * input), a bias-free linear softmax classifier on the length-normalized activities (root mean square 1
 * per layer) of layers 2..n or of all layers, trained with its own cross-entropy and no gradient into
 * the FF layers (Hinton 2022, 3.3; loeweX/Forward-Forward). This class is that classifier: its weights
 * (D x K) are parameters in the ledger from the start, its gradient and optimizer state only while it
 * trains (with the top layer's phase, or with every layer).
 */
public final class Readout {
    static final List<String> NAMES = List.of("goodness", "goodness-all", "softmax", "softmax-all");

    private final int features;
    private final int classes;
    private final INDArray weights;
    private INDArray gradient;
    private Optimizer.Updater updater;

    private Readout(PersistentMemory memory, int features, int classes) {
        this.features = features;
        this.classes = classes;
        this.weights = memory.zeros(MemoryCategory.PARAMETERS, features, classes); // convex: zeros are a fine start
    }

    /**
     * A softmax classifier of {@code features} inputs and {@code classes} outputs, its (features x classes)
     * weights zero in the ledger's parameters: the building block for a project's own softmax readout.
     */
    public static Readout softmax(PersistentMemory memory, int features, int classes) {
        return new Readout(memory, features, classes);
    }

    /** The softmax classifier of readout {@code name}, or null for a goodness readout. */
    static Readout of(String name, int depth, int width, int classes, PersistentMemory memory) {
        int features = (int) features(name, depth, width);
        return features == 0 ? null : new Readout(memory, features, classes);
    }

    /** Features D of readout {@code name}'s classifier: the units of layers 2..n (or all; layer 1 at depth 1); 0 for goodness. */
    static long features(String name, int depth, int width) {
        if (!name.startsWith("softmax")) {
            return 0;
        }
        return (long) (name.equals("softmax-all") || depth == 1 ? depth : depth - 1) * width;
    }

    /** Whether goodness readout {@code name} sums layer 1 too (always at depth 1). */
    static boolean scoresFirstLayer(String name, int depth) {
        return name.equals("goodness-all") || depth == 1;
    }

    /** The first layer (0-based) whose activities are the classifier's features: 0 for softmax-all or depth 1, else 1. */
    static int firstFeatureLayer(String name, int depth) {
        return name.equals("softmax-all") || depth == 1 ? 0 : 1;
    }

    public int features() {
        return features;
    }

    public void startTraining(PersistentMemory memory, Optimizer optimizer) {
        gradient = memory.zeros(MemoryCategory.GRADIENTS, features, classes);
        updater = optimizer.attach(weights, memory);
    }

    public boolean training() {
        return updater != null;
    }

    public void finishTraining(PersistentMemory memory) {
        memory.release(gradient);
        updater.release(memory);
        gradient = null;
        updater = null;
    }

    /**
     * Writes {@code layer}'s activities, length-normalized to root mean square 1 per row, into columns
     * [offset, offset + units) of {@code into} (rows x D).
     */
    static void putNormalized(Activations layer, INDArray into, int offset) {
        int rows = (int) layer.rows();
        int units = (int) layer.values().columns();
        int width = (int) into.columns();
        FloatBuffer values = Floats.of(layer.values());
        FloatBuffer squares = Floats.of(layer.squares());
        FloatBuffer out = Floats.of(into);
        float[] row = dev.ffbench.nn.RowScratch.row(0, units);
        for (int r = 0; r < rows; r++) {
            float inverse = FfKernels.inverseScale(squares.get(r), units);
            values.get(r * units, row, 0, units);
            for (int j = 0; j < units; j++) {
                row[j] *= inverse;
            }
            out.put(r * width + offset, row, 0, units);
        }
    }

    /** features W: (rows x D) to a new (rows x K) in the current workspace. */
    public INDArray logits(INDArray featureRows) {
        INDArray logits = Nd4j.createUninitialized(DataType.FLOAT, featureRows.rows(), classes);
        Gemm.gemm(featureRows, weights, logits, false, false, 1.0, 0.0);
        return logits;
    }

    /**
     * One step of the classifier on a batch: softmax cross-entropy of features W against {@code labels},
     * dL/dlogits = (softmax - onehot) / rows written over the logits, dW = features^T dL/dlogits.
     *
     * @param featureRows (rows x D), detached activities: nothing flows back into the FF layers
     * @return the mean cross-entropy
     */
    public double trainStep(INDArray featureRows, int[] labels) {
        INDArray logits = logits(featureRows);
        double loss = softmaxGradient(Floats.of(logits), labels, (int) featureRows.rows(), classes);
        Gemm.gemm(featureRows, logits, gradient, true, false, 1.0, 0.0);
        updater.step(gradient);
        return loss;
    }

    /**
     * Replaces each row of {@code logits} (rows x K) by (softmax(row) - onehot(label)) / rows and returns the
     * mean cross-entropy -log softmax(row)[label], computed in double with the row's maximum subtracted.
     */
    static double softmaxGradient(FloatBuffer logits, int[] labels, int rows, int classes) {
        double loss = 0;
        double[] p = new double[classes];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits.get(r * classes + k));
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(logits.get(r * classes + k) - max);
                sum += p[k];
            }
            loss -= Math.log(p[labels[r]] / sum);
            for (int k = 0; k < classes; k++) {
                double target = k == labels[r] ? 1 : 0;
                logits.put(r * classes + k, (float) ((p[k] / sum - target) / rows));
            }
        }
        return loss / rows;
    }

    /** The class with the highest logit of each row ({@link Labels#TIE} when tied). */
    public int[] predict(INDArray featureRows) {
        INDArray logits = logits(featureRows);
        FloatBuffer values = Floats.of(logits);
        int rows = (int) logits.rows();
        float[][] scores = new float[rows][classes];
        for (int r = 0; r < rows; r++) {
            values.get(r * classes, scores[r], 0, classes);
        }
        return Labels.argMaxes(scores);
    }
}
