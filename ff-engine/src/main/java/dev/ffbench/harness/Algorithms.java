package dev.ffbench.harness;

/**
 * What the harness needs to know about algorithms beyond their names (which come from
 * {@link dev.ffbench.experiment.ExperimentSpec#ALGORITHMS}): backprop is the reference every FF
 * variant is compared with, and the only one without a goodness function, so the goodness axis of
 * a matrix does not multiply its cells.
 */
public final class Algorithms {
    public static final String BACKPROP = "backprop";

    private Algorithms() {}

    public static boolean usesGoodness(String algorithm) {
        return !BACKPROP.equals(algorithm);
    }
}
