package dev.ffbench.experiment;

import dev.ffbench.memory.PersistentMemory;

/** An algorithm under benchmark: builds a model for a spec. */
public interface Algorithm {

    /** The name used in specs and POMs. */
    String name();

    /** A freshly initialized model whose persistent arrays live in {@code memory}. */
    Model build(ExperimentSpec spec, int inputPixels, PersistentMemory memory);
}
