package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;

/** A user's bug: the model cannot even be built. */
public final class ThrowingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "throwing";
    }

    @Override
    public String description() {
        return "throws while building its model";
    }

    @Override
    public Model build(ModelContext context) {
        throw new IllegalStateException("layer sizes do not add up: " + context.spec().width());
    }
}
