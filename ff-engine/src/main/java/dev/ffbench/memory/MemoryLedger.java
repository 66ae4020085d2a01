package dev.ffbench.memory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The memory figures of one run. {@code trainingPeak} (the largest of {@code trainingPhases}) and
 * {@code evaluationPeak} are exact and reproducible to the byte: the persistent arrays of the ledger
 * plus the workspaces' largest cycles. {@code datasetBytes} is the raw dataset held in the JVM heap (the
 * same for every algorithm, so outside the peaks); {@code processPeakRssBytes} is the process's VmHWM,
 * informational only: it includes the JVM, native libraries and allocator slack and varies by
 * megabytes between identical runs. {@code heapOutsideLedger} is the large Java objects the model's code
 * allocated while it trained and predicted, which the peaks do not count; null in results written
 * before it was measured, or where the JVM cannot record allocations.
 */
public record MemoryLedger(
        MemoryBreakdown trainingPeak,
        MemoryBreakdown evaluationPeak,
        List<PhaseMemory> trainingPhases,
        long datasetBytes,
        long processPeakRssBytes,
        HeapOutsideLedger heapOutsideLedger) {

    /** A ledger with no heap figure (results written before it was measured). */
    public MemoryLedger(MemoryBreakdown trainingPeak, MemoryBreakdown evaluationPeak, List<PhaseMemory> trainingPhases,
            long datasetBytes, long processPeakRssBytes) {
        this(trainingPeak, evaluationPeak, trainingPhases, datasetBytes, processPeakRssBytes, null);
    }

    /** Whether the model kept memory outside the ledger, so that the peaks understate what it needs. */
    @JsonIgnore
    public boolean isHeapOutsideLedger() {
        return heapOutsideLedger != null && heapOutsideLedger.any();
    }

    /** {@link HeapOutsideLedger#note()}, or "" when nothing is outside the ledger. */
    @JsonIgnore
    public String outsideLedgerNote() {
        return isHeapOutsideLedger() ? heapOutsideLedger.note() : "";
    }
}
