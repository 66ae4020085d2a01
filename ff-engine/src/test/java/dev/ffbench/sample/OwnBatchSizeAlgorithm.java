package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;

/** An algorithm that declares its own batch size (32), for the layering of defaults; it is never built. */
public final class OwnBatchSizeAlgorithm implements Algorithm {
    public String name() { return "own-batch"; }

    public String description() { return "declares 32 images per step"; }

    @Override
    public Integer defaultBatchSize() { return 32; }

    public Model build(ModelContext context) {
        throw new UnsupportedOperationException("only its defaults are used");
    }
}
