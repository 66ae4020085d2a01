package dev.ffbench.matrix;

import dev.ffbench.api.ExperimentSpec;

/**
 * One point of the matrix: {@code index} is its 0-based position in the whole (unsharded) matrix,
 * {@code id} a readable name unique within it, also used for its files under {@code cells/}.
 */
public record Cell(int index, String id, ExperimentSpec spec) {}
