package dev.ffbench.ff;

import dev.ffbench.nn.LengthNorm;
import java.nio.FloatBuffer;

/**
 * The work of an FF layer outside its matrix products, as single Java loops over the arrays' native
 * buffers (see {@link dev.ffbench.nn.Floats}): each replaces a chain of ND4J ops that would each cost a
 * native call, and most a pass over the activations of their own (README, Performance).
 *
 * <p>The length normalization is folded into the products instead of materialized: with the row scale
 * s = ||x|| / sqrt(n) + epsilon, (x / s) W = (x W) / s, so the forward product takes the raw rows and
 * the epilogue multiplies each row by 1 / s; the weight gradient (x / s)^T dz = x^T (dz / s) takes the
 * raw rows and the gradient rows divided by s. Mathematically the same; the float rounding differs by
 * about one unit in the last place (LabelledBatchTest and FfLayerTest bound it).
 *
 * <p>All arrays are float32 and row-major: element [r, j] of a (rows x cols) array is index r * cols + j.
 */
final class FfKernels {
    private FfKernels() {}

    /** 1 / s for the row scale s = sqrt(sumOfSquares) / sqrt(n) + epsilon of {@link LengthNorm}. */
    static float inverseScale(double sumOfSquares, int n) {
        return (float) (1.0 / (Math.sqrt(sumOfSquares) / Math.sqrt(n) + LengthNorm.EPSILON));
    }

    /**
     * A hidden layer's epilogue: out[r, j] = max(z[r, j] / s_r + b[j], 0), with s_r the scale of input
     * row r (from its sum of squares over {@code inputs} values), and outSquares[r] = sum_j out[r, j]^2
     * (accumulated in double). {@code out} may be {@code z}; {@code inSquares} may be {@code outSquares}
     * (each row's scale is read before its square is written).
     *
     * @param z (rows x cols), x W of the raw input rows
     * @param inSquares (rows), the input rows' sums of squares
     * @param bias (cols)
     */
    static void biasRelu(FloatBuffer z, FloatBuffer inSquares, int inputs, FloatBuffer bias, FloatBuffer out,
            FloatBuffer outSquares, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            float inverse = inverseScale(inSquares.get(r), inputs);
            int row = r * cols;
            double sum0 = 0;
            double sum1 = 0;
            int j = 0;
            for (; j + 1 < cols; j += 2) {
                float v0 = Math.max(z.get(row + j) * inverse + bias.get(j), 0f);
                float v1 = Math.max(z.get(row + j + 1) * inverse + bias.get(j + 1), 0f);
                out.put(row + j, v0);
                out.put(row + j + 1, v1);
                sum0 += v0 * v0;
                sum1 += v1 * v1;
            }
            for (; j < cols; j++) {
                float v = Math.max(z.get(row + j) * inverse + bias.get(j), 0f);
                out.put(row + j, v);
                sum0 += v * v;
            }
            outSquares.put(r, (float) (sum0 + sum1));
        }
    }

    /**
     * The first layer's epilogue for labelled rows: row r is image r mod {@code images} with label
     * {@code labels[r]}, out[r, j] = max((xW[i, j] + W[labelOffset + label, j]) / s_i + b[j], 0): the
     * label's one-hot input adds its weight row to the image's product. outSquares[r] = sum_j out[r, j]^2.
     *
     * @param imageProduct (images x cols), x W of the label-free images
     * @param weights the layer's (inputs x cols) weights
     * @param inverseScales (images), 1 / s_i of each labelled image
     */
    static void labelledBiasRelu(FloatBuffer imageProduct, int images, FloatBuffer weights, int labelOffset,
            int[] labels, FloatBuffer inverseScales, FloatBuffer bias, FloatBuffer out, FloatBuffer outSquares,
            int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int image = r % images;
            float inverse = inverseScales.get(image);
            int in = image * cols;
            int label = (labelOffset + labels[r]) * cols;
            int row = r * cols;
            double sum0 = 0;
            double sum1 = 0;
            int j = 0;
            for (; j + 1 < cols; j += 2) {
                float v0 = Math.max((imageProduct.get(in + j) + weights.get(label + j)) * inverse + bias.get(j), 0f);
                float v1 = Math.max((imageProduct.get(in + j + 1) + weights.get(label + j + 1)) * inverse
                        + bias.get(j + 1), 0f);
                out.put(row + j, v0);
                out.put(row + j + 1, v1);
                sum0 += v0 * v0;
                sum1 += v1 * v1;
            }
            for (; j < cols; j++) {
                float v = Math.max((imageProduct.get(in + j) + weights.get(label + j)) * inverse + bias.get(j), 0f);
                out.put(row + j, v);
                sum0 += v * v;
            }
            outSquares.put(r, (float) (sum0 + sum1));
        }
    }

    /**
     * The general path's ReLU backward: gradient[r, j] = 0 where out[r, j] = 0 (the unit was off).
     * A quadratic goodness needs no mask: its gradient 2 c h is already 0 there.
     */
    static void maskInactive(FloatBuffer out, FloatBuffer gradient, int length) {
        for (int i = 0; i < length; i++) {
            if (out.get(i) <= 0f) {
                gradient.put(i, 0f);
            }
        }
    }

    /**
     * A hidden layer's gradients outside the weight product: with dz[r, j] = a_r * x[r, j] (a_r =
     * {@code factor} * gg[r], or {@code factor} when {@code gg} is null), writes dz[r, j] / s_r into
     * {@code scaled} (for dW = x_raw^T scaled) and the bias gradient db[j] = sum_r dz[r, j].
     *
     * @param x (rows x cols): the ReLU outputs for a quadratic goodness (dz = 2 c dL/dg h), else dL/dz
     * @param inSquares (rows), sums of squares of the layer's input rows, for their scales
     * @param scaled (rows x cols), may be {@code x}
     */
    static void scaledGradient(FloatBuffer x, FloatBuffer gg, double factor, FloatBuffer inSquares, int inputs,
            FloatBuffer scaled, FloatBuffer biasGradient, int rows, int cols) {
        for (int j = 0; j < cols; j++) {
            biasGradient.put(j, 0f);
        }
        for (int r = 0; r < rows; r++) {
            float a = (float) (gg == null ? factor : factor * gg.get(r));
            float aOverScale = a * inverseScale(inSquares.get(r), inputs);
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                float v = x.get(row + j);
                biasGradient.put(j, biasGradient.get(j) + a * v);
                scaled.put(row + j, aOverScale * v);
            }
        }
    }

    /**
     * The first layer's gradients outside the image product. Rows i and images + i are the positive and
     * the negative of image i: their dz (a_r x[r, j], as in {@link #scaledGradient}) share the image and
     * its scale, so the image part of dW is images_raw^T paired with paired[i, j] = (dz[i, j] +
     * dz[images + i, j]) / s_i, one product for both. The label input of row r adds dz[r, j] / s_i to
     * row {@code labels[r]} of {@code labelGradient} (K x cols), and db[j] = sum_r dz[r, j].
     *
     * @param paired (images x cols), may be the first {@code images} rows of {@code x}
     */
    static void pairedGradient(FloatBuffer x, FloatBuffer gg, double factor, int images, int[] labels,
            FloatBuffer inverseScales, FloatBuffer paired, FloatBuffer labelGradient, int classes,
            FloatBuffer biasGradient, int cols) {
        for (int j = 0; j < cols; j++) {
            biasGradient.put(j, 0f);
        }
        for (int i = 0; i < classes * cols; i++) {
            labelGradient.put(i, 0f);
        }
        for (int i = 0; i < images; i++) {
            int negative = images + i;
            float a = (float) (gg == null ? factor : factor * gg.get(i));
            float b = (float) (gg == null ? factor : factor * gg.get(negative));
            float inverse = inverseScales.get(i);
            int positiveRow = i * cols;
            int negativeRow = negative * cols;
            int positiveLabel = labels[i] * cols;
            int negativeLabel = labels[negative] * cols;
            for (int j = 0; j < cols; j++) {
                float dzPositive = a * x.get(positiveRow + j);
                float dzNegative = b * x.get(negativeRow + j);
                biasGradient.put(j, biasGradient.get(j) + dzPositive + dzNegative);
                float positive = dzPositive * inverse;
                float negativeScaled = dzNegative * inverse;
                paired.put(positiveRow + j, positive + negativeScaled);
                labelGradient.put(positiveLabel + j, labelGradient.get(positiveLabel + j) + positive);
                labelGradient.put(negativeLabel + j, labelGradient.get(negativeLabel + j) + negativeScaled);
            }
        }
    }

    /** weights[labelOffset + k, j] += labelGradient[k, j]: the label inputs' rows of dW. */
    static void addLabelRows(FloatBuffer labelGradient, int classes, int labelOffset, FloatBuffer weightGradient,
            int cols) {
        int offset = labelOffset * cols;
        for (int i = 0; i < classes * cols; i++) {
            weightGradient.put(offset + i, weightGradient.get(offset + i) + labelGradient.get(i));
        }
    }
}
