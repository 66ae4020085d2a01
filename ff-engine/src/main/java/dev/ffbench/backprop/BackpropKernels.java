package dev.ffbench.backprop;

import dev.ffbench.ff.Labels;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Parallel;
import dev.ffbench.nn.Relu;
import dev.ffbench.nn.RowScratch;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Backprop's work outside its matrix products as single Java passes over heap copies of the rows (see
 * {@link RowScratch}), each replacing a chain of ND4J ops: the length normalization with its scales,
 * bias and ReLU, the ReLU backward with the bias gradient, the normalization's backward, and softmax
 * cross-entropy with its gradient. The arithmetic is the formulas of {@link LengthNorm},
 * {@link dev.ffbench.nn.Relu} and {@link CrossEntropy} (BackpropKernelsTest compares them with those
 * ops); sums over rows are split into the {@link Parallel} parts and added in order. All arrays are
 * float32 and row-major.
 */
final class BackpropKernels {
    /** Below this many values a kernel runs on the calling thread alone. */
    private static final int PARALLEL_VALUES = 1 << 16;

    private BackpropKernels() {}

    private static int parallelRows(long cols) {
        return (int) Math.max(1, PARALLEL_VALUES / Math.max(1, cols));
    }

    /**
     * {@link LengthNorm#forward} in one pass: scales s (rows x 1) = ||x|| / sqrt(n) + epsilon and the
     * rows x / s (rows x n), new arrays in the current workspace (the same two arrays the ops made).
     */
    static LengthNorm.Normalized normalize(INDArray x) {
        return normalizeInto(x, Nd4j.createUninitialized(DataType.FLOAT, x.rows(), x.columns()),
                Nd4j.createUninitialized(DataType.FLOAT, x.rows(), 1));
    }

    /**
     * {@link #normalize} written into {@code normalized} (rows x n, which may be {@code x} itself: each
     * row is read whole before it is written, so normalizing in place gives the same values) and
     * {@code scales} (rows x 1). In place, a hidden layer's output becomes the next layer's normalized
     * input without a second array: what lets backprop keep one array per layer.
     */
    static LengthNorm.Normalized normalizeInto(INDArray x, INDArray normalized, INDArray scales) {
        int rows = (int) x.rows();
        int cols = (int) x.columns();
        FloatBuffer in = Floats.of(x);
        FloatBuffer out = Floats.of(normalized);
        FloatBuffer s = Floats.of(scales);
        double root = Math.sqrt(cols);
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] row = RowScratch.row(0, cols);
            for (int r = from; r < to; r++) {
                in.get(r * cols, row, 0, cols);
                float scale = (float) (Math.sqrt(RowScratch.sumOfSquares(row, cols)) / root + LengthNorm.EPSILON);
                float inverse = 1 / scale;
                for (int j = 0; j < cols; j++) {
                    row[j] *= inverse;
                }
                out.put(r * cols, row, 0, cols);
                s.put(r, scale);
            }
        });
        return new LengthNorm.Normalized(normalized, scales);
    }

    /** z = max(z + b, 0) in place: a hidden layer's bias and ReLU after its product. */
    static void biasRelu(INDArray z, INDArray bias) {
        int rows = (int) z.rows();
        int cols = (int) z.columns();
        FloatBuffer values = Floats.of(z);
        FloatBuffer b = Floats.of(bias);
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] row = RowScratch.row(0, cols);
            float[] biasRow = RowScratch.row(1, cols);
            b.get(0, biasRow, 0, cols);
            for (int r = from; r < to; r++) {
                values.get(r * cols, row, 0, cols);
                for (int j = 0; j < cols; j++) {
                    row[j] = Math.max(row[j] + biasRow[j], 0f);
                }
                values.put(r * cols, row, 0, cols);
            }
        });
    }

    /**
     * ReLU backward and the bias gradient in one pass: gradient = 0 where the output is 0 (in place,
     * turning dL/dh into dL/dz), and {@code biasGradient} (1 x cols) = the column sums of dL/dz.
     *
     * @param output the layer's ReLU output h, or anything of the same signs: the next layer's
     *     normalized input h / s (s > 0), which is what backprop keeps instead of h
     */
    static void reluBackward(INDArray output, INDArray gradient, INDArray biasGradient) {
        int rows = (int) output.rows();
        int cols = (int) output.columns();
        FloatBuffer h = Floats.of(output);
        FloatBuffer g = Floats.of(gradient);
        float[][] parts = new float[Parallel.PARTS][];
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] hRow = RowScratch.row(0, cols);
            float[] gRow = RowScratch.row(1, cols);
            float[] sums = RowScratch.row(8 + part, cols);
            java.util.Arrays.fill(sums, 0, cols, 0f);
            for (int r = from; r < to; r++) {
                h.get(r * cols, hRow, 0, cols);
                g.get(r * cols, gRow, 0, cols);
                for (int j = 0; j < cols; j++) {
                    float v = gRow[j] * Relu.gate(hRow[j]);
                    gRow[j] = v;
                    sums[j] += v;
                }
                g.put(r * cols, gRow, 0, cols);
            }
            parts[part] = sums;
        });
        putSum(parts, Floats.of(biasGradient), cols);
    }

    /** {@code biasGradient} (1 x cols) = the column sums of {@code gradient} (rows x cols). */
    static void columnSums(INDArray gradient, INDArray biasGradient) {
        int rows = (int) gradient.rows();
        int cols = (int) gradient.columns();
        FloatBuffer g = Floats.of(gradient);
        float[][] parts = new float[Parallel.PARTS][];
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] row = RowScratch.row(0, cols);
            float[] sums = RowScratch.row(8 + part, cols);
            java.util.Arrays.fill(sums, 0, cols, 0f);
            for (int r = from; r < to; r++) {
                g.get(r * cols, row, 0, cols);
                for (int j = 0; j < cols; j++) {
                    sums[j] += row[j];
                }
            }
            parts[part] = sums;
        });
        putSum(parts, Floats.of(biasGradient), cols);
    }

    /**
     * {@link LengthNorm#backward} in one pass, written into {@code into} (rows x n): dL/dx = (dL/dn - n *
     * rowsum(n * dL/dn) / n) / s.
     */
    static void lengthNormBackward(LengthNorm.Normalized normalized, INDArray gradRows, INDArray into) {
        int rows = (int) gradRows.rows();
        int cols = (int) gradRows.columns();
        FloatBuffer n = Floats.of(normalized.rows());
        FloatBuffer s = Floats.of(normalized.scales());
        FloatBuffer g = Floats.of(gradRows);
        FloatBuffer out = Floats.of(into);
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] nRow = RowScratch.row(0, cols);
            float[] gRow = RowScratch.row(1, cols);
            for (int r = from; r < to; r++) {
                n.get(r * cols, nRow, 0, cols);
                g.get(r * cols, gRow, 0, cols);
                float p0 = 0;
                float p1 = 0;
                float p2 = 0;
                float p3 = 0;
                int j = 0;
                for (; j + 3 < cols; j += 4) {
                    p0 += nRow[j] * gRow[j];
                    p1 += nRow[j + 1] * gRow[j + 1];
                    p2 += nRow[j + 2] * gRow[j + 2];
                    p3 += nRow[j + 3] * gRow[j + 3];
                }
                for (; j < cols; j++) {
                    p0 += nRow[j] * gRow[j];
                }
                float projection = ((p0 + p1) + (p2 + p3)) / cols;
                float inverse = 1 / s.get(r);
                for (j = 0; j < cols; j++) {
                    gRow[j] = (gRow[j] - nRow[j] * projection) * inverse;
                }
                out.put(r * cols, gRow, 0, cols);
            }
        });
    }

    /**
     * Softmax cross-entropy of the logits x W + b (the product in {@code logits}, the bias added here)
     * against the true classes, computed stably from the log-sum-exp: returns the mean loss and writes
     * dL/dlogits = (softmax - onehot) / rows over {@code logits}.
     *
     * @param logits (rows x K), x W without the bias; overwritten with the gradient
     * @param labels the true class of each row
     */
    static double softmaxCrossEntropy(INDArray logits, INDArray bias, int[] labels) {
        int rows = (int) logits.rows();
        int classes = (int) logits.columns();
        FloatBuffer values = Floats.of(logits);
        FloatBuffer b = Floats.of(bias);
        float[] row = RowScratch.row(0, classes);
        float[] biasRow = RowScratch.row(1, classes);
        b.get(0, biasRow, 0, classes);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            values.get(r * classes, row, 0, classes);
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                row[c] += biasRow[c];
                max = Math.max(max, row[c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(row[c] - max);
            }
            double logSum = Math.log(sum);
            loss -= row[labels[r]] - max - logSum;
            for (int c = 0; c < classes; c++) {
                double probability = Math.exp(row[c] - max - logSum);
                row[c] = (float) ((probability - (c == labels[r] ? 1 : 0)) / rows);
            }
            values.put(r * classes, row, 0, classes);
        }
        return loss / rows;
    }

    /** The class of each row with the highest logit x W + b (or {@link Labels#TIE} when two share it), into {@code predictions}. */
    static void argMaxes(INDArray logits, INDArray bias, int[] predictions) {
        int rows = (int) logits.rows();
        int classes = (int) logits.columns();
        FloatBuffer values = Floats.of(logits);
        FloatBuffer b = Floats.of(bias);
        for (int r = 0; r < rows; r++) {
            int best = 0;
            boolean tied = false;
            float bestValue = values.get(r * classes) + b.get(0);
            for (int c = 1; c < classes; c++) {
                float value = values.get(r * classes + c) + b.get(c);
                if (value > bestValue) {
                    best = c;
                    bestValue = value;
                    tied = false;
                } else if (value == bestValue) {
                    tied = true;
                }
            }
            predictions[r] = tied ? Labels.TIE : best;
        }
    }

    /** into[i] = parts[0][i] + parts[1][i] + ..., added in part order. */
    private static void putSum(float[][] parts, FloatBuffer into, int length) {
        float[] sum = parts[0];
        for (int part = 1; part < parts.length; part++) {
            for (int i = 0; i < length; i++) {
                sum[i] += parts[part][i];
            }
        }
        into.put(0, sum, 0, length);
    }
}
