package dev.ffbench.backprop;

import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Model;
import dev.ffbench.memory.PersistentMemory;

/** The backprop baseline ("backprop"). */
public final class Backprop implements Algorithm {
    public static final String NAME = "backprop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Model build(ExperimentSpec spec, int inputPixels, PersistentMemory memory) {
        return new BackpropModel(spec, inputPixels, memory);
    }
}
