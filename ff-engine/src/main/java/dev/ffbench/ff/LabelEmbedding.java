package dev.ffbench.ff;

import dev.ffbench.api.Batch;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.PixelBatch;
import dev.ffbench.nn.RowScratch;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the label enters FF Base's input: a one-hot of the K classes over the first K inputs (overlay,
 * Hinton's MNIST setup; those are border pixels) or K extra inputs (append). The one-hot value is 1.0,
 * the largest pixel value after scaling. Images are written with their label columns zero; the label
 * is added by the first layer (see {@link LabelledBatch}).
 *
 * @param mode {@code overlay} or {@code append}
 * @param classes K, the number of classes
 */
public record LabelEmbedding(String mode, int classes) {

    public boolean appends() {
        return mode.equals("append");
    }

    /** Inputs of the first layer for images of {@code pixels} values. */
    public int inputSize(int pixels) {
        return appends() ? pixels + classes : pixels;
    }

    /** The first of the K label columns. */
    public int labelOffset(int pixels) {
        return appends() ? pixels : 0;
    }

    /**
     * The first layer's input for {@code labels.length} rows of {@code batch}'s images, as a (rows x
     * inputSize) float32 array in the current workspace, written straight into its buffer: row r holds
     * image {@code r % batch.count()} (so 2 x count rows are the batch twice, e.g. positives then
     * negatives) with label {@code labels[r]} one-hot in the label columns, or no label where it is
     * negative.
     *
     * @param labels one label (0..K-1, or negative for none) per row
     */
    public INDArray rows(Batch batch, int[] labels) {
        int pixels = batch.images().pixelsPerImage();
        int inputs = inputSize(pixels);
        int offset = labelOffset(pixels);
        INDArray rows = Nd4j.createUninitialized(DataType.FLOAT, labels.length, inputs);
        FloatBuffer values = Floats.of(rows);
        float[] row = RowScratch.row(0, inputs);
        for (int r = 0; r < labels.length; r++) {
            writeImage(batch.images(), batch.image(r % batch.count()), row, 0);
            if (labels[r] >= 0) {
                row[offset + labels[r]] = 1f;
            }
            values.put(r * inputs, row, 0, inputs);
        }
        return rows;
    }

    /** As {@link #rows(Batch, int[])} for the batch's images once each, with no label (label columns zero). */
    public INDArray rows(Batch batch) {
        int[] none = new int[batch.count()];
        java.util.Arrays.fill(none, -1);
        return rows(batch, none);
    }

    /** Writes image {@code image} as row {@code row} of {@code rows}, its label columns zero. */
    public void writeImage(ImageSet set, int image, float[] rows, int row) {
        int pixels = set.pixelsPerImage();
        int start = row * inputSize(pixels);
        PixelBatch.write(set, image, rows, start);
        int labelStart = start + labelOffset(pixels);
        for (int c = 0; c < classes; c++) {
            rows[labelStart + c] = 0f;
        }
    }
}
