package dev.ffbench.memory;

import java.util.List;

/**
 * The memory figures of one run. {@code trainingPeak} (the largest of {@code trainingPhases}) and
 * {@code evaluationPeak} are exact and reproducible to the byte; {@code datasetBytes} is the raw
 * dataset held in the JVM heap (the same for every algorithm, so outside the peaks);
 * {@code processPeakRssBytes} is the process's VmHWM, informational only: it includes the JVM,
 * native libraries and allocator slack and varies by megabytes between identical runs.
 */
public record MemoryLedger(
        MemoryBreakdown trainingPeak,
        MemoryBreakdown evaluationPeak,
        List<PhaseMemory> trainingPhases,
        long datasetBytes,
        long processPeakRssBytes) {}
