package dev.ffbench.memory;

import java.util.ArrayList;
import java.util.List;

/** Collects the memory of each phase; the peak is the phase with the largest total. */
public final class PeakTracker {
    private final List<PhaseMemory> phases = new ArrayList<>();

    public void observe(String phase, MemoryBreakdown persistent, long transientBytes) {
        observe(phase, persistent.withTransient(transientBytes));
    }

    public void observe(String phase, MemoryBreakdown memory) {
        phases.add(new PhaseMemory(phase, memory));
    }

    public MemoryBreakdown peak() {
        return PhaseMemory.peakOf(phases);
    }

    public List<PhaseMemory> phases() {
        return List.copyOf(phases);
    }
}
