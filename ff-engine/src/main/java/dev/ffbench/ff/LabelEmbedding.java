package dev.ffbench.ff;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.nn.PixelBatch;

/**
 * Where the label enters the input: a one-hot over the first 10 inputs (overlay, Hinton's MNIST
 * setup; those are border pixels) or 10 extra inputs (append). The one-hot value is 1.0, the
 * largest pixel value after scaling. Images are written with their label columns zero; the label
 * is added by the first layer (see {@link LabelledBatch}).
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

    /** The first of the 10 label columns. */
    public int labelOffset(int pixels) {
        return this == APPEND ? pixels : 0;
    }

    /** Writes image {@code image} as row {@code row} of {@code rows}, its label columns zero. */
    public void writeImage(ImageSet set, int image, float[] rows, int row) {
        int pixels = set.pixelsPerImage();
        int start = row * inputSize(pixels);
        PixelBatch.write(set, image, rows, start);
        int labelStart = start + labelOffset(pixels);
        for (int c = 0; c < Dataset.CLASSES; c++) {
            rows[labelStart + c] = 0f;
        }
    }
}
