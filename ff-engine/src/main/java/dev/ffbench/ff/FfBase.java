package dev.ffbench.ff;

import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Model;
import dev.ffbench.memory.PersistentMemory;

/** Hinton's supervised Forward-Forward ("ff-base"). */
public final class FfBase implements Algorithm {
    public static final String NAME = "ff-base";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Model build(ExperimentSpec spec, int inputPixels, PersistentMemory memory) {
        return new FfBaseModel(spec, inputPixels, memory);
    }
}
