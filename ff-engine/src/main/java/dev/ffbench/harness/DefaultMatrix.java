package dev.ffbench.harness;

import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Extensions;
import java.util.List;

/**
 * What runs when a parameter is not configured. With nothing configured at all this is the
 * README's main job: every algorithm discovered (the engine's and the project's own), at a few
 * depths and widths, on the bundled mnist-sample digits, small enough to finish in a few minutes on
 * 2 cores (memory peaks do not depend on the number of steps, so capping them keeps every memory
 * figure true).
 */
public final class DefaultMatrix {
    public static final List<Integer> DEPTHS = List.of(2, 4, 8);
    public static final List<Integer> WIDTHS = List.of(64, 256);
    public static final List<Long> SEEDS = List.of(1L);
    public static final int EPOCHS = 2;
    public static final int BATCH_SIZE = 256;
    /** 10 steps of 256 images per epoch: 2,560 of the 8,004 training digits. */
    public static final int MAX_STEPS_PER_EPOCH = 10;

    private DefaultMatrix() {}

    /** Every discovered algorithm, so that new ones join the default run. */
    public static List<String> algorithms(Extensions extensions) {
        return extensions.algorithmNames();
    }

    public static String dataset() {
        return ExperimentSpec.defaults().dataset();
    }

    public static int threads() {
        return ExperimentSpec.defaults().threads();
    }
}
