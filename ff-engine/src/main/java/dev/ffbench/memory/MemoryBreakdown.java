package dev.ffbench.memory;

/**
 * Memory in use at one moment, in bytes: the persistent categories plus the transient working set
 * (activations and temporaries, from workspaces).
 */
public record MemoryBreakdown(long parameters, long gradients, long optimizerState, long transientBytes) {

    public static final MemoryBreakdown ZERO = new MemoryBreakdown(0, 0, 0, 0);

    public long totalBytes() {
        return parameters + gradients + optimizerState + transientBytes;
    }

    public MemoryBreakdown withTransient(long transientBytes) {
        return new MemoryBreakdown(parameters, gradients, optimizerState, transientBytes);
    }

    /** The larger of the two by total; on a tie the earlier one, so the choice is deterministic. */
    public MemoryBreakdown max(MemoryBreakdown other) {
        return other.totalBytes() > totalBytes() ? other : this;
    }
}
