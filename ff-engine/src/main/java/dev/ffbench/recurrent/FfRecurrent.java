package dev.ffbench.recurrent;

import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Model;
import dev.ffbench.memory.PersistentMemory;

/** Hinton's recurrent Forward-Forward net with top-down connections ("ff-recurrent"). */
public final class FfRecurrent implements Algorithm {
    public static final String NAME = "ff-recurrent";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Model build(ExperimentSpec spec, int inputPixels, PersistentMemory memory) {
        return new FfRecurrentModel(spec, inputPixels, memory);
    }
}
