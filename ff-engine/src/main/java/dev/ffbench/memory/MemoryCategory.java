package dev.ffbench.memory;

/** What a persistent array is for; the ledger reports each category separately. */
public enum MemoryCategory {
    PARAMETERS,
    GRADIENTS,
    OPTIMIZER_STATE
}
