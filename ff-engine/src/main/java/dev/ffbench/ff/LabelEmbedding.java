package dev.ffbench.ff;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.nn.PixelBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How the label enters the input: a one-hot over the first 10 inputs (overlay, Hinton's MNIST
 * setup; those are border pixels) or 10 extra inputs (append). The one-hot value is 1.0, the
 * largest pixel value after scaling.
 */
public enum LabelEmbedding {
    OVERLAY,
    APPEND;

    public static LabelEmbedding named(String name) {
        return name.equals("append") ? APPEND : OVERLAY;
    }

    public int inputSize(int pixels) {
        return this == APPEND ? pixels + Dataset.CLASSES : pixels;
    }

    private int labelOffset(int pixels) {
        return this == APPEND ? pixels : 0;
    }

    /** Writes image {@code image} with {@code label} embedded as row {@code row} of {@code rows}. */
    public void write(ImageSet set, int image, int label, float[] rows, int row) {
        int pixels = set.pixelsPerImage();
        int start = row * inputSize(pixels);
        PixelBatch.write(set, image, rows, start);
        int labelStart = start + labelOffset(pixels);
        for (int c = 0; c < Dataset.CLASSES; c++) {
            rows[labelStart + c] = c == label ? 1f : 0f;
        }
    }

    /** Rewrites the label of every row of {@code input} (built by {@link #write}) to {@code label}. */
    public void relabel(INDArray input, int pixels, int label) {
        int offset = labelOffset(pixels);
        input.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + Dataset.CLASSES)).assign(0f);
        input.getColumn(offset + label, true).assign(1f);
    }
}
