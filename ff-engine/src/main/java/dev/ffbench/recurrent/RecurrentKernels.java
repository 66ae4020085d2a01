package dev.ffbench.recurrent;

import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Parallel;
import dev.ffbench.nn.RowScratch;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The work of a recurrent layer outside its matrix products, as single Java loops over the arrays'
 * native buffers, as FF Base's kernels do (docs/performance.md, Speed): one pass builds a layer's new
 * state from its input terms, one more its gradient.
 *
 * <p>A layer's input is [norm(below), norm(above)], so z = norm(below) W_below + norm(above) W_above + b,
 * and the normalization is folded into the products: norm(x) W = (x W) / s with s the row's scale
 * ({@link LengthNorm#inverseScale}). The terms that do not change during a batch are computed once
 * per batch instead of once per iteration: the images' product with layer 1's image weights (shared by
 * an image's positive and negative row, and by every label at evaluation) and the clamped label, whose
 * normalized one-hot input adds one row of W_above. Rows are {@code copies} blocks of {@code images}
 * rows: row m * images + i shows image i (the positives then the negatives in training; one block at
 * evaluation), and a part of the split work holds every copy of its images, so that the image's
 * gradient row sums its copies without a race.
 *
 * <p>All arrays are float32 and row-major. Sums over rows (bias and label gradients) accumulate in float
 * within each {@link Parallel} part, the parts then added in order: the same bits on one thread or two.
 */
final class RecurrentKernels {
    /** Below this many values a kernel runs on the calling thread alone (a hand-off costs more). */
    private static final int PARALLEL_VALUES = 1 << 16;

    private RecurrentKernels() {}

    /**
     * The input terms of one layer's pre-activation z for every row; a null buffer is a term the layer
     * does not have in this pass.
     *
     * @param imageProduct (images x cols): pixels W_below, raw (layer 1), or null
     * @param imageInverse (images): 1 / s of each image
     * @param labelWeights the layer's whole weights (inputs x cols), read at rows labelOffset + label, or null
     * @param labels each row's clamped label (top layer), or null when nothing is clamped
     * @param labelInverse 1 / s of a one-hot label row
     * @param below (rows x cols): state below W_below, raw, or null; {@code belowSquares} its input rows' sums of squares
     * @param above (rows x cols): state above W_above, raw, or null; {@code aboveSquares} likewise
     * @param width the units of a state (n of the states' scales)
     */
    record Terms(FloatBuffer imageProduct, FloatBuffer imageInverse, FloatBuffer labelWeights, int labelOffset,
            int[] labels, float labelInverse, FloatBuffer below, FloatBuffer belowSquares, FloatBuffer above,
            FloatBuffer aboveSquares, int width) {}

    /**
     * computed[r, j] = max(z[r, j], 0) and state[r, j] = damping * previous[r, j] + (1 - damping) *
     * computed[r, j] (the computed activity itself when {@code previous} is null: the bottom-up pass from
     * zero), with stateSquares[r] = sum_j state[r, j]^2. {@code computed} may be the buffer of
     * {@code terms.below()} or {@code terms.above()}: each row is read before it is written.
     */
    static void activate(Terms terms, FloatBuffer bias, FloatBuffer previous, double damping, FloatBuffer computed,
            FloatBuffer state, FloatBuffer stateSquares, int images, int copies, int cols) {
        float keep = (float) damping;
        float take = (float) (1 - damping);
        Parallel.forParts(images, parallelImages(copies, cols), (part, from, to) -> {
            float[] b = RowScratch.row(0, cols);
            float[] image = RowScratch.row(1, cols);
            float[] row = RowScratch.row(2, cols);
            float[] other = RowScratch.row(3, cols);
            bias.get(0, b, 0, cols);
            for (int i = from; i < to; i++) {
                float imageInverse = 0;
                if (terms.imageProduct() != null) {
                    terms.imageProduct().get(i * cols, image, 0, cols);
                    imageInverse = terms.imageInverse().get(i);
                }
                for (int m = 0; m < copies; m++) {
                    int r = m * images + i;
                    System.arraycopy(b, 0, row, 0, cols);
                    if (terms.imageProduct() != null) {
                        for (int j = 0; j < cols; j++) {
                            row[j] += image[j] * imageInverse;
                        }
                    }
                    if (terms.labels() != null) {
                        terms.labelWeights().get((terms.labelOffset() + terms.labels()[r]) * cols, other, 0, cols);
                        for (int j = 0; j < cols; j++) {
                            row[j] += other[j] * terms.labelInverse();
                        }
                    }
                    addScaled(terms.below(), terms.belowSquares(), terms.width(), r, row, other, cols);
                    addScaled(terms.above(), terms.aboveSquares(), terms.width(), r, row, other, cols);
                    for (int j = 0; j < cols; j++) {
                        row[j] = Math.max(row[j], 0f);
                    }
                    computed.put(r * cols, row, 0, cols);
                    if (previous != null) {
                        previous.get(r * cols, other, 0, cols);
                        for (int j = 0; j < cols; j++) {
                            row[j] = keep * other[j] + take * row[j];
                        }
                    }
                    state.put(r * cols, row, 0, cols);
                    stateSquares.put(r, RowScratch.sumOfSquares(row, cols));
                }
            }
        });
    }

    /** row += product[r] / s_r, for a state term present in this pass. */
    private static void addScaled(FloatBuffer product, FloatBuffer squares, int width, int r, float[] row,
            float[] scratch, int cols) {
        if (product == null) {
            return;
        }
        float inverse = LengthNorm.inverseScale(squares.get(r), width);
        product.get(r * cols, scratch, 0, cols);
        for (int j = 0; j < cols; j++) {
            row[j] += scratch[j] * inverse;
        }
    }

    /**
     * Where one iteration's dz goes. dz[r, j] = a_r * source[r, j] where computed[r, j] > 0, else 0, with
     * a_r = factor * perRow[r] (factor when perRow is null), plus, on the first copy's rows (the positives),
     * {@code positiveShift[j]} whether or not the unit fired (peer normalization's straight-through
     * gradient; null: none). Then: the bias gradient gets sum_r dz (written
     * over it when {@code overwriteBias}, else added); the image gradient row i gets dz of every copy of
     * image i (added: it sums over the batch's iterations); row labels[r] of the label gradient gets dz[r]
     * (added); and for each state term dz[r] / s_r is written into its scaled buffer, the right-hand side of
     * that term's weight-gradient product. A null buffer is a term the layer does not have.
     *
     * @param belowScaled (rows x cols), may be {@code computed}; {@code aboveScaled} must be another array
     *        when both are present
     */
    record Sinks(FloatBuffer bias, boolean overwriteBias, FloatBuffer imageGradient, FloatBuffer labelGradient,
            int[] labels, int classes, FloatBuffer belowScaled, FloatBuffer belowSquares, FloatBuffer aboveScaled,
            FloatBuffer aboveSquares, int width) {}

    static void gradient(FloatBuffer computed, FloatBuffer source, FloatBuffer perRow, double factor, float[] positiveShift,
            Sinks sinks, int images, int copies, int cols) {
        float[][] biasParts = new float[Parallel.PARTS][];
        float[][] labelParts = new float[Parallel.PARTS][];
        int labelValues = sinks.labelGradient() == null ? 0 : sinks.classes() * cols;
        Parallel.forParts(images, parallelImages(copies, cols), (part, from, to) -> {
            float[] on = RowScratch.row(0, cols);
            float[] dz = RowScratch.row(1, cols);
            float[] imageRow = RowScratch.row(2, cols);
            float[] scaled = RowScratch.row(3, cols);
            float[] db = RowScratch.row(8 + part, cols);
            float[] labelRows = RowScratch.row(8 + Parallel.PARTS + part, Math.max(1, labelValues));
            Arrays.fill(db, 0, cols, 0f);
            Arrays.fill(labelRows, 0, labelValues, 0f);
            for (int i = from; i < to; i++) {
                if (sinks.imageGradient() != null) {
                    sinks.imageGradient().get(i * cols, imageRow, 0, cols);
                }
                for (int m = 0; m < copies; m++) {
                    int r = m * images + i;
                    float a = (float) (perRow == null ? factor : factor * perRow.get(r));
                    computed.get(r * cols, on, 0, cols);
                    source.get(r * cols, dz, 0, cols);
                    for (int j = 0; j < cols; j++) {
                        dz[j] = on[j] > 0f ? a * dz[j] : 0f;
                        db[j] += dz[j];
                    }
                    if (m == 0 && positiveShift != null) {
                        for (int j = 0; j < cols; j++) {
                            dz[j] += positiveShift[j];
                            db[j] += positiveShift[j];
                        }
                    }
                    if (sinks.imageGradient() != null) {
                        for (int j = 0; j < cols; j++) {
                            imageRow[j] += dz[j];
                        }
                    }
                    if (labelValues > 0) {
                        int label = sinks.labels()[r] * cols;
                        for (int j = 0; j < cols; j++) {
                            labelRows[label + j] += dz[j];
                        }
                    }
                    putScaled(sinks.belowScaled(), sinks.belowSquares(), sinks.width(), r, dz, scaled, cols);
                    putScaled(sinks.aboveScaled(), sinks.aboveSquares(), sinks.width(), r, dz, scaled, cols);
                }
                if (sinks.imageGradient() != null) {
                    sinks.imageGradient().put(i * cols, imageRow, 0, cols);
                }
            }
            biasParts[part] = db;
            labelParts[part] = labelRows;
        });
        addParts(biasParts, sinks.bias(), cols, sinks.overwriteBias());
        if (labelValues > 0) {
            addParts(labelParts, sinks.labelGradient(), labelValues, false);
        }
    }

    private static void putScaled(FloatBuffer into, FloatBuffer squares, int width, int r, float[] dz, float[] scratch,
            int cols) {
        if (into == null) {
            return;
        }
        float inverse = LengthNorm.inverseScale(squares.get(r), width);
        for (int j = 0; j < cols; j++) {
            scratch[j] = dz[j] * inverse;
        }
        into.put(r * cols, scratch, 0, cols);
    }

    /** into[i] (=, or +=) parts[0][i] + parts[1][i] + ..., the parts added in order, for i < length. */
    private static void addParts(float[][] parts, FloatBuffer into, int length, boolean overwrite) {
        float[] sum = parts[0];
        for (int part = 1; part < parts.length; part++) {
            float[] other = parts[part];
            for (int i = 0; i < length; i++) {
                sum[i] += other[i];
            }
        }
        if (!overwrite) {
            for (int i = 0; i < length; i++) {
                sum[i] += into.get(i);
            }
        }
        into.put(0, sum, 0, length);
    }

    /**
     * Multiplies row i of {@code rows} (images x cols) by {@code inverse[i]}: the image gradient's rows by
     * their images' scales, before its one product with the raw pixels.
     */
    static void scaleRows(FloatBuffer rows, FloatBuffer inverse, int images, int cols) {
        Parallel.forParts(images, parallelImages(1, cols), (part, from, to) -> {
            float[] row = RowScratch.row(0, cols);
            for (int i = from; i < to; i++) {
                float scale = inverse.get(i);
                rows.get(i * cols, row, 0, cols);
                for (int j = 0; j < cols; j++) {
                    row[j] *= scale;
                }
                rows.put(i * cols, row, 0, cols);
            }
        });
    }

    /** 1 / s of each of the {@code images} rows of {@code pixels} (images x inputs). */
    static void inverseScales(FloatBuffer pixels, int images, int inputs, FloatBuffer inverse) {
        Parallel.forParts(images, parallelImages(1, inputs), (part, from, to) -> {
            float[] row = RowScratch.row(0, inputs);
            for (int i = from; i < to; i++) {
                pixels.get(i * inputs, row, 0, inputs);
                inverse.put(i, LengthNorm.inverseScale(RowScratch.sumOfSquares(row, inputs), inputs));
            }
        });
    }

    /** Images (each of {@code copies} rows of {@code cols}) that make a kernel worth splitting across threads. */
    private static int parallelImages(int copies, int cols) {
        return Math.max(1, PARALLEL_VALUES / Math.max(1, copies * cols));
    }
}
