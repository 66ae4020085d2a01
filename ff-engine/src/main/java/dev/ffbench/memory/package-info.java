/**
 * The memory ledger: exact, reproducible byte counts of a run. Persistent arrays (parameters,
 * gradients, optimizer state) are counted by {@link dev.ffbench.memory.PersistentMemory} as the
 * engine allocates and frees them; transient memory (activations and temporaries) is the sum of
 * the ND4J workspaces' maximum cycle allocations, read from {@link dev.ffbench.memory.TransientMemory}.
 * {@link dev.ffbench.memory.AllocationGuard} makes any allocation outside those two fail.
 */
package dev.ffbench.memory;
