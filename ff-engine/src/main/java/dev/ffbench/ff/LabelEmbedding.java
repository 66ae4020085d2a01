package dev.ffbench.ff;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.nn.PixelBatch;

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
