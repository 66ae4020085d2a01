package dev.ffbench.dataset;

/**
 * What a result records of the data it was measured on ({@code dataset} in the result JSON).
 *
 * @param trainImages images in the training split
 * @param testImages images in the test split
 * @param height image height in pixels
 * @param width image width in pixels
 * @param channels values per pixel (1 grey, 3 colour); the input size is height x width x channels
 * @param classes K, the number of classes: labels and predictions are 0..K-1 (the chance level is in the
 *        result's {@code evaluation})
 * @param fingerprint the files read and the hash of the decoded content
 */
public record DatasetSummary(int trainImages, int testImages, int height, int width, int channels, int classes,
        DatasetFingerprint fingerprint) {}
