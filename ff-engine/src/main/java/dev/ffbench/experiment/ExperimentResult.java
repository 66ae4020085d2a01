package dev.ffbench.experiment;

import dev.ffbench.memory.MemoryLedger;
import java.util.List;

/**
 * The result of one run, as the harness reads it back. {@code schemaVersion} changes whenever a
 * field changes meaning or disappears. Accuracies are fractions in [0, 1]; {@code evalSeconds}
 * times the test-split evaluation; {@code samplesPerSecond} is training images x epochs over
 * training seconds (for layerwise FF an epoch is every layer once over the data).
 */
public record ExperimentResult(
        int schemaVersion,
        ExperimentSpec spec,
        double trainAccuracy,
        double testAccuracy,
        List<EpochLoss> losses,
        MemoryLedger memory,
        double trainSeconds,
        double evalSeconds,
        double samplesPerSecond,
        RunEnvironment environment) {

    public static final int SCHEMA_VERSION = 2;
}
