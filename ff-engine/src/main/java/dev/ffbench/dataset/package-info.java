/**
 * Datasets for the benchmark: the bundled MNIST sample, seeded synthetic images, directories of IDX files
 * (MNIST, Fashion-MNIST, KMNIST, EMNIST), of MNIST-CSV files and of CIFAR-10's binary batches, each a
 * {@link dev.ffbench.dataset.DatasetSource} registered with {@link java.util.ServiceLoader}. Every source
 * delivers a {@link dev.ffbench.dataset.Dataset}: plain byte arrays ({@link dev.ffbench.dataset.ImageSet},
 * height x width x channels values per image, channels last), the number of classes K and the files read.
 * This package owns reading and validating the input, and names the file, the place and the problem of any
 * defect; it deliberately does not use ND4J, so the engine decides how the bytes become batches.
 */
package dev.ffbench.dataset;
