package dev.ffbench.memory;

import java.util.List;

/**
 * The memory of one training phase: "layer 3" while layerwise FF trains its third layer, "all
 * layers" when every layer trains at once. Its breakdown is the persistent arrays of that phase
 * plus the largest working set of any of its steps.
 */
public record PhaseMemory(String phase, MemoryBreakdown memory) {

    /** The breakdown of the largest phase (the earliest on a tie), or zero for no phases. */
    public static MemoryBreakdown peakOf(List<PhaseMemory> phases) {
        MemoryBreakdown peak = MemoryBreakdown.ZERO;
        for (PhaseMemory phase : phases) {
            peak = peak.max(phase.memory());
        }
        return peak;
    }
}
