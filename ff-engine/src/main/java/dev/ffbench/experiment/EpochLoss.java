package dev.ffbench.experiment;

/**
 * Mean training loss over one epoch. {@code layer} is the FF layer (1-based) whose local loss this
 * is, or 0 for a whole-network loss (backprop's cross-entropy).
 */
public record EpochLoss(int epoch, int layer, double loss) {}
