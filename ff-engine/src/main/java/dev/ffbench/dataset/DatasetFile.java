package dev.ffbench.dataset;

/**
 * One file a dataset was read from.
 *
 * @param name the file's name as found (e.g. {@code train-images-idx3-ubyte.gz}), without its directory,
 *        so that the same files elsewhere have the same fingerprint
 * @param bytes its size on disk in bytes (compressed size for a gzipped file)
 */
public record DatasetFile(String name, long bytes) {}
