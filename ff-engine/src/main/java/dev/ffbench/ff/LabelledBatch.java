package dev.ffbench.ff;

import dev.ffbench.api.Batch;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.Parallel;
import dev.ffbench.nn.PixelBatch;
import dev.ffbench.nn.RowScratch;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first layer's input: each image once, its label columns zero, and the inverse normalization
 * scale of that image with any one-hot label on it. A one-hot of value 1 adds exactly 1 to a row's
 * squared length, so the scale is the same for every label and x W is computed once per image for
 * all the labels it carries: its positive and its negative in training, all K at evaluation.
 * Exactly the same arithmetic as normalizing each labelled row, for half (training) or a K-th
 * (evaluation) of the first layer's largest matrix product.
 *
 * @param images (images x inputs) float32, pixels in [0, 1], label columns 0
 * @param inverseScales (images x 1) float32, 1 / s with s = sqrt(||x||^2 + 1) / sqrt(inputs) + epsilon
 * @param labelOffset the first of the K label columns
 * @param classes K, the number of label columns
 */
record LabelledBatch(INDArray images, INDArray inverseScales, int labelOffset, int classes) {

    /** The batch of images already in {@code images} (label columns zero), in the current workspace. */
    static LabelledBatch of(INDArray images, int labelOffset, int classes) {
        return of(images, labelOffset, classes, 1.0);
    }

    /** The same batch for the neutral label (1/K on each label input, adding 1/K to each squared length). */
    static LabelledBatch neutral(INDArray images, int labelOffset, int classes) {
        return of(images, labelOffset, classes, 1.0 / classes);
    }

    private static LabelledBatch of(INDArray images, int labelOffset, int classes, double labelSquares) {
        int rows = (int) images.rows();
        int inputs = (int) images.columns();
        INDArray inverseScales = Nd4j.createUninitialized(DataType.FLOAT, rows, 1);
        FloatBuffer values = Floats.of(images);
        FloatBuffer inverse = Floats.of(inverseScales);
        float[] row = RowScratch.row(0, inputs);
        for (int r = 0; r < rows; r++) {
            values.get(r * inputs, row, 0, inputs);
            inverse.put(r, FfKernels.inverseScale(RowScratch.sumOfSquares(row, inputs) + labelSquares, inputs));
        }
        return new LabelledBatch(images, inverseScales, labelOffset, classes);
    }

    /**
     * The images of {@code batch} with their label columns zero and their scales, written straight into
     * arrays of the current workspace in one pass over the pixels.
     */
    static LabelledBatch of(Batch batch, LabelEmbedding embedding) {
        return of(batch.images(), batch.order(), batch.start(), batch.count(), embedding);
    }

    /** Images {@code order[start..start+count)} of {@code set}, as {@link #of(Batch, LabelEmbedding)}. */
    static LabelledBatch of(ImageSet set, int[] order, int start, int count, LabelEmbedding embedding) {
        return of(set, order, start, count, embedding, 1.0);
    }

    /**
     * As {@link #of(Batch, LabelEmbedding)} for the neutral label, 1/K on each of the K label inputs
     * (Hinton 2022, 3.3): it adds K (1/K)^2 = 1/K to each row's squared length.
     */
    static LabelledBatch neutral(Batch batch, LabelEmbedding embedding) {
        return of(batch.images(), batch.order(), batch.start(), batch.count(), embedding, 1.0 / embedding.classes());
    }

    /** @param labelSquares what the label inputs add to each row's squared length */
    private static LabelledBatch of(ImageSet set, int[] order, int start, int count, LabelEmbedding embedding,
            double labelSquares) {
        int pixels = set.pixelsPerImage();
        int inputs = embedding.inputSize(pixels);
        int labelOffset = embedding.labelOffset(pixels);
        INDArray images = Nd4j.createUninitialized(DataType.FLOAT, count, inputs);
        INDArray inverseScales = Nd4j.createUninitialized(DataType.FLOAT, count, 1);
        FloatBuffer values = Floats.of(images);
        FloatBuffer inverse = Floats.of(inverseScales);
        Parallel.forParts(count, FfKernels.parallelRows(inputs), (part, from, to) -> {
            float[] row = RowScratch.row(0, inputs);
            for (int i = from; i < to; i++) {
                PixelBatch.write(set, order[start + i], row, 0);
                java.util.Arrays.fill(row, labelOffset, labelOffset + embedding.classes(), 0f);
                java.util.Arrays.fill(row, pixels, inputs, 0f);
                values.put(i * inputs, row, 0, inputs);
                inverse.put(i, FfKernels.inverseScale(RowScratch.sumOfSquares(row, inputs) + labelSquares, inputs));
            }
        });
        return new LabelledBatch(images, inverseScales, labelOffset, embedding.classes());
    }

    long rows() {
        return images.rows();
    }
}
