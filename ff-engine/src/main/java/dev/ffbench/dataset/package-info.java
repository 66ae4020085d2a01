/**
 * Datasets for the benchmark: the bundled MNIST sample, directories of IDX files (MNIST, Fashion-MNIST)
 * and seeded synthetic images, all delivered as plain byte arrays ({@link dev.ffbench.dataset.ImageSet}).
 * This package owns reading and validating the input; it deliberately does not use ND4J, so the
 * engine decides how the bytes become batches.
 */
package dev.ffbench.dataset;
