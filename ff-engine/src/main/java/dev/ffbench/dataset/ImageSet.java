package dev.ffbench.dataset;

import java.util.Objects;

/**
 * One split: images as unsigned bytes, row-major, image {@code i} at
 * {@code [i*pixelsPerImage, (i+1)*pixelsPerImage)}; labels 0..9.
 * The arrays are shared, not copied (a full dataset is tens of megabytes): callers must not modify them.
 */
public record ImageSet(int count, int height, int width, byte[] pixels, byte[] labels) {

    public ImageSet {
        if (count < 0) {
            throw new IllegalArgumentException("image count is " + count + ", expected >= 0");
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size is " + height + "x" + width + ", expected both > 0");
        }
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        long expectedPixels = (long) count * height * width;
        if (pixels.length != expectedPixels) {
            throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected " + expectedPixels
                    + " (" + count + " images of " + height + "x" + width + ")");
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, expected " + count);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= Dataset.CLASSES) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i] + ", expected 0..9");
            }
        }
    }

    public int pixelsPerImage() {
        return height * width;
    }

    /** Pixel {@code index} (row-major within the image) of image {@code image}, as 0..255. */
    public int pixel(int image, int index) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(index, pixelsPerImage());
        return Byte.toUnsignedInt(pixels[image * pixelsPerImage() + index]);
    }

    public int label(int image) {
        Objects.checkIndex(image, count);
        return labels[image];
    }

    /** Memory the split holds, reported by the engine. */
    public long bytes() {
        return (long) pixels.length + labels.length;
    }
}
