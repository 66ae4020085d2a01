package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.util.Objects;

/**
 * One split: {@code count} images of {@code height} x {@code width} x {@code channels} unsigned bytes
 * (0..255) and one label per image. Image {@code i} is {@code pixels[i*valuesPerImage .. (i+1)*valuesPerImage)},
 * row-major with the channels of a pixel side by side (height, width, channels: "channels last", the
 * order of a 4-dimensional IDX file; a grey image has 1 channel). Labels are classes 0..K-1 stored as
 * unsigned bytes (so K is at most 256). The {@link Dataset} that holds the split checks it (its
 * {@link #problem()}, then its labels against K), naming the dataset and the split, which a split
 * alone does not know: the engine only ever reads splits of a checked dataset.
 * The arrays are shared, not copied (a full dataset is tens of megabytes): callers must not modify them.
 */
public record ImageSet(int count, int height, int width, int channels, byte[] pixels, byte[] labels) {

    /** The largest number of classes: labels are stored as unsigned bytes. */
    public static final int MAX_CLASSES = 256;

    public ImageSet {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
    }

    /**
     * What makes this split unusable, with what is allowed, e.g. "train split has 10 images but 9 labels;
     * allowed: one label per image"; null when it holds at least one image, positive sizes, exactly count x
     * height x width x channels pixel values and one label per image.
     *
     * @param split how the problem names this split, e.g. "train split"
     */
    public Problem problem(String split) {
        if (height <= 0 || width <= 0 || channels <= 0) {
            return Problem.found(split, "has images of " + height + "x" + width + "x" + channels
                    + " (height x width x channels)", "each at least 1");
        }
        if (count < 1) {
            return Problem.found(split, "has " + count + " images", "at least 1 image in each split");
        }
        long expectedPixels = (long) count * height * width * channels;
        if (pixels.length != expectedPixels) {
            return Problem.found(split, "has " + IdxReader.grouped(pixels.length) + " pixel values for "
                    + IdxReader.grouped(count) + " images of " + shape(), IdxReader.grouped(expectedPixels)
                    + " (count x height x width x channels, " + IdxReader.grouped((long) height * width * channels)
                    + " per image)");
        }
        if (labels.length != count) {
            return Problem.found(split, "has " + IdxReader.grouped(count) + " images but "
                    + IdxReader.grouped(labels.length) + " labels", "one label per image");
        }
        return null;
    }

    /** A split of grey images (1 channel). */
    public ImageSet(int count, int height, int width, byte[] pixels, byte[] labels) {
        this(count, height, width, 1, pixels, labels);
    }

    /** Values per image: height x width x channels, the input size of a network's first layer. */
    public int pixelsPerImage() {
        return height * width * channels;
    }

    /** "28x28" for grey images, "32x32x3" with channels. */
    public String shape() {
        return shape(height, width, channels);
    }

    static String shape(int height, int width, int channels) {
        return height + "x" + width + (channels == 1 ? "" : "x" + channels);
    }

    /** Value {@code index} (0..{@link #pixelsPerImage()}-1, in the order above) of image {@code image}, as 0..255. */
    public int pixel(int image, int index) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(index, pixelsPerImage());
        return Byte.toUnsignedInt(pixels[image * pixelsPerImage() + index]);
    }

    /** The class of image {@code image}, 0..K-1. */
    public int label(int image) {
        Objects.checkIndex(image, count);
        return Byte.toUnsignedInt(labels[image]);
    }

    /** The largest label plus one (0 for an empty split). */
    public int labelRange() {
        int max = -1;
        for (byte label : labels) {
            max = Math.max(max, Byte.toUnsignedInt(label));
        }
        return max + 1;
    }

    /** Memory the split holds in the JVM heap, in bytes: its pixels and labels. */
    public long bytes() {
        return (long) pixels.length + labels.length;
    }
}
