/**
 * The matrix: POM and command-line text to cells. Parses and checks every parameter value where it
 * enters ({@link dev.ffbench.matrix.FieldValues}, {@link dev.ffbench.matrix.Flag}), expands the matrix
 * into cells with stable ids ({@link dev.ffbench.matrix.MatrixExpander}, {@link dev.ffbench.matrix.Cell}),
 * selects cells ({@link dev.ffbench.matrix.CellSelector}) and picks a shard. It runs nothing and
 * reads no result: it depends only on the training API, the dataset sources and {@link dev.ffbench.io}.
 */
package dev.ffbench.matrix;
