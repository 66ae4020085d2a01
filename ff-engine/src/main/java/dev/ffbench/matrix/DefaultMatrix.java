package dev.ffbench.matrix;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.Extensions;
import java.util.List;

/**
 * What runs when a parameter is not configured. With nothing configured at all this is the
 * README's main job: every algorithm discovered (the engine's and the project's own), at a few
 * depths and widths, on the bundled mnist-sample digits, in about 6 minutes on 2 cores.
 *
 * <p>Its cells are of two kinds, because memory peaks do not depend on the number of steps while
 * accuracy does: the <em>accuracy cells</em> (the matrix's smallest depth) train {@link #EPOCHS}
 * whole epochs, so their accuracy is a trained net's; the deeper <em>memory cells</em> train
 * {@link #MEMORY_CELL_STEPS} steps per epoch, which gives their exact peaks in a few seconds of
 * training (their evaluation still scores the whole test split, the longer part for FF Recurrent). A capped
 * cell's accuracy is marked as such in every output and left out of the accuracy charts.
 */
public final class DefaultMatrix {
    public static final List<Integer> DEPTHS = List.of(2, 4, 8);
    public static final List<Integer> WIDTHS = List.of(64, 256);
    public static final List<Long> SEEDS = List.of(1L);
    /**
     * 4 epochs of 64-image steps: 500 updates per layer, where FF Base reaches 87.7 % (width 64) and
     * 90.7 % (width 256) on mnist-sample; 256-image steps would give it a quarter of the updates (19.7 %
     * and 72.6 % after 3 epochs, measured).
     */
    public static final int EPOCHS = 4;
    /** Steps per epoch of a memory cell when {@code maxStepsPerEpoch} is not configured: 10 steps of 64 images. */
    public static final int MEMORY_CELL_STEPS = 10;

    private DefaultMatrix() {}

    /**
     * The engine's backprop variants, which a matrix runs when it names them: the default run keeps one
     * reference (backprop), so its cells and figures do not grow with every way of running backprop.
     */
    public static final List<String> OPT_IN = List.of(dev.ffbench.backprop.BackpropCheckpointed.NAME,
            dev.ffbench.backprop.BackpropLayerwiseUpdate.NAME);

    /** Every discovered algorithm but the {@link #OPT_IN} ones, so that new ones join the default run. */
    public static List<String> algorithms(Extensions extensions) {
        return extensions.algorithmNames().stream().filter(name -> !OPT_IN.contains(name)).toList();
    }

    /**
     * {@code maxStepsPerEpoch} of a cell at {@code depth} when it is not configured: 0 (the whole
     * training split) for an accuracy cell, at or below {@code accuracyDepth} (the matrix's smallest
     * depth), {@link #MEMORY_CELL_STEPS} for a deeper memory cell.
     */
    public static int maxStepsPerEpoch(int depth, int accuracyDepth) {
        return depth <= accuracyDepth ? 0 : MEMORY_CELL_STEPS;
    }

    public static String dataset() {
        return ExperimentSpec.defaults().dataset();
    }

    /**
     * The bottom layer of a cell's spec at {@code depth} (below the user's values and the algorithm's
     * defaults): {@link ExperimentSpec#defaults()} with the matrix's {@link #EPOCHS} and
     * {@link #maxStepsPerEpoch}; every other default is the spec's own, in one place.
     */
    public static ExperimentSpec cellDefaults(int depth, int accuracyDepth) {
        return ExperimentSpec.defaults().withTraining(EPOCHS, maxStepsPerEpoch(depth, accuracyDepth));
    }
}
