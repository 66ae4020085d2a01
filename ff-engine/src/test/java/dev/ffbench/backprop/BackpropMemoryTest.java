package dev.ffbench.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.InvalidSpecException;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.experiment.Specs;
import dev.ffbench.memory.MemoryBreakdown;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each backprop variant's training peak equals its formula ({@link BackpropMemory}) to the byte, and
 * backprop's per-layer growth at the seed's configuration is one layer's weights, gradients and Adam
 * moments plus one 5,000 x 2,000 float array and one scale per row.
 */
class BackpropMemoryTest {
    private static final int PIXELS = 28 * 28;
    private static final int CLASSES = 10;

    private static ExperimentSpec small(String algorithm, int depth, String settings) {
        Map<String, String> overrides = new HashMap<>(Map.of("maxStepsPerEpoch", "2"));
        for (String setting : settings.isEmpty() ? new String[0] : settings.split(";")) {
            String[] pair = setting.split("=");
            overrides.put(pair[0], pair[1]);
        }
        return Specs.small(algorithm, depth, overrides);
    }

    private static BackpropPlan plan(ExperimentSpec spec) {
        BackpropAlgorithm algorithm = switch (spec.algorithm()) {
            case Backprop.NAME -> new Backprop();
            case BackpropCheckpointed.NAME -> new BackpropCheckpointed();
            case BackpropLayerwiseUpdate.NAME -> new BackpropLayerwiseUpdate();
            default -> throw new IllegalArgumentException(spec.algorithm());
        };
        return algorithm.plan(spec);
    }

    /**
     * Measured at two depths each: width 32 with the 784 pixels (the first layer's weights the largest)
     * and width 1000 (a hidden layer's); normalized and not; Adam and SGD; k given and the default.
     */
    @ParameterizedTest
    @CsvSource({
            "backprop, 2, 7, ''",
            "backprop, 2, 5, normalize=false;optimizer=sgd",
            "backprop-checkpointed, 4, 9, ''",
            "backprop-checkpointed, 5, 8, checkpointEvery=3",
            "backprop-checkpointed, 3, 7, checkpointEvery=2;normalize=false",
            "backprop-layerwise-update, 2, 6, optimizer=sgd",
            "backprop-layerwise-update, 3, 5, ''",
            "backprop-layerwise-update, 2, 4, optimizer=sgd;width=1000;batchSize=20;maxStepsPerEpoch=1",
            "backprop-checkpointed, 2, 5, width=1000;batchSize=20;maxStepsPerEpoch=1"})
    void theTrainingPeakIsItsFormulaToTheByteAtTwoDepths(String algorithm, int depth, int deeper, String settings) {
        for (int d : new int[] {depth, deeper}) {
            ExperimentSpec spec = small(algorithm, d, settings);
            MemoryBreakdown measured = ExperimentRunner.engine().run(spec).memory().trainingPeak();
            assertEquals(BackpropMemory.trainingPeak(spec, plan(spec), PIXELS, CLASSES), measured, algorithm + " depth " + d);
            assertEquals(Extensions.engine().algorithm(algorithm).minimumBytes(spec, PIXELS, CLASSES).orElseThrow(),
                    measured.totalBytes() - measured.transientBytes(), "minimumBytes is the persistent part");
        }
    }

    /** Layerwise updates with SGD hold one layer's gradients (the largest: 784 x 32 + 32 values) and no state. */
    @Test
    void layerwiseUpdatesWithSgdHoldTheLargestLayersGradientsAndNoOptimizerState() {
        MemoryBreakdown peak = ExperimentRunner.engine().run(small("backprop-layerwise-update", 4, "optimizer=sgd"))
                .memory().trainingPeak();
        assertEquals((PIXELS * 32 + 32) * 4, peak.gradients());
        assertEquals(0, peak.optimizerState());
    }

    /**
     * The seed's configuration (width 2000, 5,000 rows, length normalization, Adam): backprop grows by
     * 64,032,000 B of weights, gradients and moments plus 40,000,000 B (one 5,000 x 2,000 float array:
     * the layer's normalized input) plus 20,000 B (one scale per row) per layer, from the formula that
     * the test above holds to the measured peaks.
     */
    @Test
    void backpropGrowsByOneActivationArrayAndOneScalePerRowPerLayerAtTheSeedsConfiguration() {
        Map<String, Long> peaks = new HashMap<>();
        for (String algorithm : new String[] {"backprop", "backprop-checkpointed", "backprop-layerwise-update"}) {
            for (int depth : new int[] {2, 3, 47}) {
                ExperimentSpec spec = SpecResolver.engine().resolve(Map.of("algorithm", algorithm, "depth",
                        Integer.toString(depth), "width", "2000", "batchSize", "5000", "optimizer",
                        algorithm.equals("backprop-layerwise-update") ? "sgd" : "adam"));
                peaks.put(algorithm + depth, BackpropMemory.trainingPeak(spec, plan(spec), PIXELS, CLASSES).totalBytes());
            }
        }
        assertEquals(104_032_000 + 20_000, peaks.get("backprop3") - peaks.get("backprop2"));
        assertEquals(280_872_160, peaks.get("backprop2"), "320,872,160 B before the floor: one array per layer less");
        assertEquals(peaks.get("backprop2") + 45 * 104_052_000L, peaks.get("backprop47"));
        // k = 6 at depth 47: 7 kept inputs besides the first, 5 segment buffers, instead of 46
        assertEquals(peaks.get("backprop47") - 34L * 40_020_000, peaks.get("backprop-checkpointed47"));
        // SGD: weights (742,728,040 B at depth 47) and one layer's gradients (2000 x 2000 + 2000 values), no moments
        long parameters = 742_728_040L;
        assertEquals(peaks.get("backprop47") - 4 * parameters + parameters + 16_008_000, peaks.get("backprop-layerwise-update47"));
    }

    /** An absurd depth saturates every variant's estimate at Long.MAX_VALUE instead of wrapping round to a small number. */
    @Test
    void anAbsurdDepthSaturatesEveryVariantsEstimate() {
        for (String algorithm : new String[] {"backprop", "backprop-checkpointed", "backprop-layerwise-update"}) {
            for (String optimizer : new String[] {"adam", "sgd"}) {
                ExperimentSpec deep = Specs.with(Map.of("algorithm", algorithm, "depth", String.valueOf(Integer.MAX_VALUE),
                        "width", "46340", "optimizer", optimizer));
                assertEquals(Long.MAX_VALUE, Extensions.engine().algorithm(algorithm).minimumBytes(deep, PIXELS, CLASSES)
                        .orElseThrow(), algorithm + " " + optimizer);
            }
        }
    }

    @Test
    void aCheckpointIntervalBelowOneIsRefusedNamingTheValue() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> SpecResolver.engine().resolve(
                Map.of("algorithm", "backprop-checkpointed", "checkpointEvery", "0")));
        assertEquals(List.of("checkpointEvery is '0'; allowed: a whole number >= 1"), error.problems());
    }
}
