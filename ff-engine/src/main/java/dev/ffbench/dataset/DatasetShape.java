package dev.ffbench.dataset;

/**
 * The shape of a dataset's images and its number of classes, known once the data is read: what an
 * {@link dev.ffbench.api.Algorithm} checks its options against (e.g. FF Base's label overlay
 * needs at least K inputs).
 *
 * @param height image height in pixels
 * @param width image width in pixels
 * @param channels values per pixel (1 grey, 3 colour)
 * @param classes K, the number of classes (labels 0..K-1)
 */
public record DatasetShape(int height, int width, int channels, int classes) {

    /** Values per image: height x width x channels. */
    public int inputSize() {
        return height * width * channels;
    }

    /** "28x28" for grey images, "32x32x3" with channels. */
    public String imageShape() {
        return ImageSet.shape(height, width, channels);
    }
}
