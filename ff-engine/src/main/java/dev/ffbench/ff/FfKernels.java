package dev.ffbench.ff;

import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Parallel;
import dev.ffbench.nn.Relu;
import dev.ffbench.nn.RowScratch;
import java.nio.FloatBuffer;

/**
 * The work of an FF layer outside its matrix products, as single Java loops over the arrays' native
 * buffers (see {@link dev.ffbench.nn.Floats}): each replaces a chain of ND4J ops that would each cost a
 * native call, and most a pass over the activations of their own (docs/performance.md, Speed).
 *
 * <p>The length normalization is folded into the products instead of materialized: with the row scale
 * s = ||x|| / sqrt(n) + epsilon, (x / s) W = (x W) / s, so the forward product takes the raw rows and
 * the epilogue multiplies each row by 1 / s; the weight gradient (x / s)^T dz = x^T (dz / s) takes the
 * raw rows and the gradient rows divided by s. Mathematically the same; the float rounding differs by
 * about one unit in the last place (LabelledBatchTest and FfLayerTest bound it).
 *
 * <p>All arrays are float32 and row-major: element [r, j] of a (rows x cols) array is index r * cols + j.
 * Each row is copied into a Java array ({@link RowScratch}), computed on there (SIMD) and copied back.
 * Sums over a row (squares) use float with eight partial sums; sums over rows (the bias and label
 * gradients) accumulate in float, row by row, within each of the {@link Parallel} parts, which are then
 * added in order: the same bits on one thread or two.
 */
final class FfKernels {
    /** Below this many values a kernel runs on the calling thread alone (a hand-off costs more). */
    static final int PARALLEL_VALUES = 1 << 16;

    private FfKernels() {}

    /** Rows of {@code cols} values that make a kernel worth splitting across threads. */
    static int parallelRows(int cols) {
        return Math.max(1, PARALLEL_VALUES / Math.max(1, cols));
    }

    /** 1 / s for the row scale s = sqrt(sumOfSquares) / sqrt(n) + epsilon of {@link LengthNorm}. */
    static float inverseScale(double sumOfSquares, int n) {
        return LengthNorm.inverseScale(sumOfSquares, n);
    }

    /**
     * A hidden layer's epilogue: out[r, j] = max(z[r, j] / s_r + b[j], 0), with s_r the scale of input
     * row r (from its sum of squares over {@code inputs} values), and outSquares[r] = sum_j out[r, j]^2.
     * {@code out} may be {@code z}; {@code inSquares} may be {@code outSquares} (each row's scale is read
     * before its square is written).
     *
     * @param z (rows x cols), x W of the raw input rows
     * @param inSquares (rows), the input rows' sums of squares
     * @param bias (cols)
     */
    static void biasRelu(FloatBuffer z, FloatBuffer inSquares, int inputs, FloatBuffer bias, FloatBuffer out,
            FloatBuffer outSquares, int rows, int cols) {
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] row = RowScratch.row(0, cols);
            float[] b = RowScratch.row(1, cols);
            bias.get(0, b, 0, cols);
            for (int r = from; r < to; r++) {
                float inverse = inverseScale(inSquares.get(r), inputs);
                z.get(r * cols, row, 0, cols);
                for (int j = 0; j < cols; j++) {
                    row[j] = Math.max(row[j] * inverse + b[j], 0f);
                }
                out.put(r * cols, row, 0, cols);
                outSquares.put(r, RowScratch.sumOfSquares(row, cols));
            }
        });
    }

    /**
     * The first layer's epilogue for labelled rows: row r is image r mod {@code images} with label
     * {@code labels[r]}, out[r, j] = max((xW[i, j] + W[labelOffset + label, j]) / s_i + b[j], 0): the
     * label's one-hot input adds its weight row to the image's product. outSquares[r] = sum_j out[r, j]^2.
     * {@code rows} is a multiple of {@code images}.
     *
     * @param imageProduct (images x cols), x W of the label-free images
     * @param weights the layer's (inputs x cols) weights
     * @param inverseScales (images), 1 / s_i of each labelled image
     */
    static void labelledBiasRelu(FloatBuffer imageProduct, int images, FloatBuffer weights, int labelOffset,
            int[] labels, int classes, FloatBuffer inverseScales, FloatBuffer bias, FloatBuffer out,
            FloatBuffer outSquares, int rows, int cols) {
        Parallel.forParts(images, parallelRows(cols) * images / rows, (part, from, to) -> {
            float[] product = RowScratch.row(0, cols);
            float[] b = RowScratch.row(1, cols);
            float[] labelRows = RowScratch.row(2, classes * cols);
            float[] row = RowScratch.row(3, cols);
            bias.get(0, b, 0, cols);
            weights.get(labelOffset * cols, labelRows, 0, classes * cols);
            for (int i = from; i < to; i++) {
                float inverse = inverseScales.get(i);
                imageProduct.get(i * cols, product, 0, cols);
                for (int r = i; r < rows; r += images) {
                    int label = labels[r] * cols;
                    for (int j = 0; j < cols; j++) {
                        row[j] = Math.max((product[j] + labelRows[label + j]) * inverse + b[j], 0f);
                    }
                    out.put(r * cols, row, 0, cols);
                    outSquares.put(r, RowScratch.sumOfSquares(row, cols));
                }
            }
        });
    }

    /**
     * The general path's ReLU backward: gradient[r, j] = 0 where out[r, j] = 0 (the unit was off).
     * A quadratic goodness needs no mask: its gradient 2 c h is already 0 there.
     */
    static void maskInactive(FloatBuffer out, FloatBuffer gradient, int rows, int cols) {
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] h = RowScratch.row(0, cols);
            float[] g = RowScratch.row(3, cols);
            for (int r = from; r < to; r++) {
                out.get(r * cols, h, 0, cols);
                gradient.get(r * cols, g, 0, cols);
                for (int j = 0; j < cols; j++) {
                    g[j] *= Relu.gate(h[j]);
                }
                gradient.put(r * cols, g, 0, cols);
            }
        });
    }

    /**
     * A hidden layer's gradients outside the weight product: with dz[r, j] = a_r * x[r, j] (a_r =
     * {@code factor} * gg[r], or {@code factor} when {@code gg} is null), plus {@code positiveShift[j]} on
     * the positive rows (the first half; peer normalization's straight-through gradient, null for none),
     * writes dz[r, j] / s_r into {@code scaled} (for dW = x_raw^T scaled) and the bias gradient db[j] =
     * sum_r dz[r, j].
     *
     * @param x (rows x cols): the ReLU outputs for a quadratic goodness (dz = 2 c dL/dg h), else dL/dz
     * @param inSquares (rows), sums of squares of the layer's input rows, for their scales
     * @param scaled (rows x cols), may be {@code x}
     */
    static void scaledGradient(FloatBuffer x, FloatBuffer gg, double factor, float[] positiveShift,
            FloatBuffer inSquares, int inputs, FloatBuffer scaled, FloatBuffer biasGradient, int rows, int cols) {
        float[][] biasParts = new float[Parallel.PARTS][];
        Parallel.forParts(rows, parallelRows(cols), (part, from, to) -> {
            float[] row = RowScratch.row(0, cols);
            float[] db = RowScratch.row(8 + part, cols);
            java.util.Arrays.fill(db, 0, cols, 0f);
            for (int r = from; r < to; r++) {
                float a = (float) (gg == null ? factor : factor * gg.get(r));
                float inverse = inverseScale(inSquares.get(r), inputs);
                x.get(r * cols, row, 0, cols);
                if (positiveShift != null && r < rows / 2) {
                    for (int j = 0; j < cols; j++) {
                        float dz = a * row[j] + positiveShift[j];
                        db[j] += dz;
                        row[j] = dz * inverse;
                    }
                } else {
                    float aOverScale = a * inverse;
                    for (int j = 0; j < cols; j++) {
                        float v = row[j];
                        db[j] += a * v;
                        row[j] = aOverScale * v;
                    }
                }
                scaled.put(r * cols, row, 0, cols);
            }
            biasParts[part] = db;
        });
        putSum(biasParts, biasGradient, cols);
    }

    /**
     * The first layer's gradients outside the image product. Rows i and images + i are the positive and
     * the negative of image i: their dz (a_r x[r, j], as in {@link #scaledGradient}) share the image and
     * its scale, so the image part of dW is images_raw^T paired with paired[i, j] = (dz[i, j] +
     * dz[images + i, j]) / s_i, one product for both. A positive's dz adds {@code positiveShift[j]} (peer
     * normalization's straight-through gradient; null for none). The label input of row r adds dz[r, j] / s_i to
     * row {@code labels[r]} of {@code labelGradient} (K x cols), and db[j] = sum_r dz[r, j].
     *
     * @param paired (images x cols), may be the first {@code images} rows of {@code x}
     */
    static void pairedGradient(FloatBuffer x, FloatBuffer gg, double factor, float[] positiveShift, int images, int[] labels,
            FloatBuffer inverseScales, FloatBuffer paired, FloatBuffer labelGradient, int classes,
            FloatBuffer biasGradient, int cols) {
        float[][] biasParts = new float[Parallel.PARTS][];
        float[][] labelParts = new float[Parallel.PARTS][];
        Parallel.forParts(images, parallelRows(2 * cols), (part, from, to) -> {
            float[] positive = RowScratch.row(0, cols);
            float[] negative = RowScratch.row(3, cols);
            float[] db = RowScratch.row(8 + part, cols);
            float[] labelRows = RowScratch.row(8 + Parallel.PARTS + part, classes * cols);
            java.util.Arrays.fill(db, 0, cols, 0f);
            java.util.Arrays.fill(labelRows, 0, classes * cols, 0f);
            for (int i = from; i < to; i++) {
                float a = (float) (gg == null ? factor : factor * gg.get(i));
                float b = (float) (gg == null ? factor : factor * gg.get(images + i));
                float inverse = inverseScales.get(i);
                int positiveLabel = labels[i] * cols;
                int negativeLabel = labels[images + i] * cols;
                x.get(i * cols, positive, 0, cols);
                x.get((images + i) * cols, negative, 0, cols);
                for (int j = 0; j < cols; j++) {
                    float dzPositive = positiveShift == null ? a * positive[j] : a * positive[j] + positiveShift[j];
                    float dzNegative = b * negative[j];
                    db[j] += dzPositive + dzNegative;
                    float positiveScaled = dzPositive * inverse;
                    float negativeScaled = dzNegative * inverse;
                    positive[j] = positiveScaled + negativeScaled;
                    labelRows[positiveLabel + j] += positiveScaled;
                    labelRows[negativeLabel + j] += negativeScaled;
                }
                paired.put(i * cols, positive, 0, cols);
            }
            biasParts[part] = db;
            labelParts[part] = labelRows;
        });
        putSum(biasParts, biasGradient, cols);
        putSum(labelParts, labelGradient, classes * cols);
    }

    /** into[i] = parts[0][i] + parts[1][i] + ..., added in part order, for i < length. */
    private static void putSum(float[][] parts, FloatBuffer into, int length) {
        float[] sum = parts[0];
        for (int part = 1; part < parts.length; part++) {
            float[] other = parts[part];
            for (int i = 0; i < length; i++) {
                sum[i] += other[i];
            }
        }
        into.put(0, sum, 0, length);
    }

    /** weights[labelOffset + k, j] += labelGradient[k, j]: the label inputs' rows of dW. */
    static void addLabelRows(FloatBuffer labelGradient, int classes, int labelOffset, FloatBuffer weightGradient,
            int cols) {
        float[] labels = RowScratch.row(2, classes * cols);
        float[] rows = RowScratch.row(3, classes * cols);
        labelGradient.get(0, labels, 0, classes * cols);
        weightGradient.get(labelOffset * cols, rows, 0, classes * cols);
        for (int i = 0; i < classes * cols; i++) {
            rows[i] += labels[i];
        }
        weightGradient.put(labelOffset * cols, rows, 0, classes * cols);
    }
}
