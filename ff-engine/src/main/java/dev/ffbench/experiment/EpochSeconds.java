package dev.ffbench.experiment;

/**
 * The wall-clock seconds of one epoch of one training phase: its steps (the shuffle included), not the
 * evaluation of the accuracy curve that may follow it. For layerwise FF a phase is one layer, so the
 * epochs of layer 1 come first, then those of layer 2; for a model with one phase, e.g. backprop, a
 * phase's epoch is the run's epoch.
 *
 * @param phase the phase's name, as in {@code memory.trainingPhases}
 * @param epoch 1..epochs
 */
public record EpochSeconds(String phase, int epoch, double seconds) {}
