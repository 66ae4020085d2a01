package dev.ffbench.experiment;

/**
 * One point of a run's accuracy curve: after {@code epoch} epochs (layerwise FF: epochs of its top layer,
 * every lower layer already trained) and {@code trainSeconds} of training (evaluations excluded), the
 * test accuracy (a fraction).
 */
public record CurvePoint(int epoch, double trainSeconds, double testAccuracy) {}
