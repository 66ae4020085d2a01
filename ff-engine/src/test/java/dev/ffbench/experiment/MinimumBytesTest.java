package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.MemoryLedger;
import dev.ffbench.memory.PhaseMemory;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in algorithms' memory estimate from the layer shapes is the ledger's own arithmetic: it
 * equals, to the byte, the persistent memory (parameters, gradients, optimizer state) of the run's
 * largest training phase, and so bounds its training peak from below.
 */
class MinimumBytesTest {
    private static final int PIXELS = 28 * 28;
    private static final int CLASSES = 10;

    private static long persistent(MemoryBreakdown memory) {
        return memory.parameters() + memory.gradients() + memory.optimizerState();
    }

    /** Settings as "field=value" pairs separated by ';'. */
    private static Map<String, String> settings(String text) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split(";")) {
                settings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return settings;
    }

    @ParameterizedTest(name = "{0} depth {1} {2}")
    @CsvSource({
            "ff-base, 1, ",
            "ff-base, 2, ",
            "ff-base, 3, width=900;maxStepsPerEpoch=1", // a hidden layer larger than the first: its phase is the peak
            "ff-base, 3, schedule=simultaneous",
            "ff-base, 3, finishedLayerKeeps=all",
            "ff-base, 2, optimizer=sgd",
            "ff-base, 2, labelMode=append",
            "ff-base, 1, readout=softmax;peerNormalization=0.03",
            "ff-base, 2, readout=softmax;peerNormalization=0.03;batchSize=20",
            "ff-base, 3, readout=softmax-all;width=900;maxStepsPerEpoch=1", // the readout makes the top phase the peak
            "ff-base, 3, readout=softmax;schedule=simultaneous;peerNormalization=0.1",
            "ff-base, 3, readout=softmax;finishedLayerKeeps=all;peerNormalization=0.1",
            "ff-base, 2, readout=softmax;optimizer=sgd;weightDecay=0.001",
            "ff-recurrent, 1, iterations=2;scoreFrom=1;scoreTo=2",
            "ff-recurrent, 3, iterations=2;scoreFrom=1;scoreTo=2",
            "backprop, 1, ",
            "backprop, 3, ",
            "backprop, 2, optimizer=sgd"})
    void theEstimateIsThePersistentMemoryOfTheLargestTrainingPhaseToTheByte(String algorithm, int depth, String overrides) {
        ExperimentSpec spec = Specs.small(algorithm, depth, settings(overrides));
        OptionalLong estimate = Extensions.engine().algorithm(algorithm).minimumBytes(spec, PIXELS, CLASSES);

        MemoryLedger ledger = ExperimentRunner.engine().run(spec).memory();

        long largest = ledger.trainingPhases().stream().map(PhaseMemory::memory).mapToLong(MinimumBytesTest::persistent)
                .max().orElseThrow();
        assertEquals(largest, estimate.orElseThrow());
        assertTrue(estimate.getAsLong() < ledger.trainingPeak().totalBytes(), "the working set comes on top");
    }

    /** Issue 13's example: BASE with a width of two billion, which died in a native abort. */
    @Test
    void anAbsurdWidthGivesItsTrueSizeAndNothingOverflows() {
        ExperimentSpec base = Specs.with(Map.of("algorithm", "backprop", "depth", "1", "width", "2000000000",
                "dataset", "synthetic:7:200:50", "epochs", "1", "batchSize", "50", "maxStepsPerEpoch", "2"));
        // (784 x 2e9 + 2e9) + (2e9 x 10 + 10) values, each with a gradient and two Adam moments, 4 bytes each
        assertEquals(4L * 4 * (784L * 2_000_000_000L + 2_000_000_000L + 2_000_000_000L * 10 + 10),
                Extensions.engine().algorithm("backprop").minimumBytes(base, PIXELS, CLASSES).orElseThrow());

        // a depth of two billion: the sum saturates at Long.MAX_VALUE instead of wrapping round to a small number
        for (String algorithm : new String[] {"ff-base", "ff-recurrent", "backprop"}) {
            ExperimentSpec deep = Specs.with(Map.of("algorithm", algorithm, "depth", String.valueOf(Integer.MAX_VALUE),
                    "width", algorithm.equals("ff-recurrent") ? "32767" : "46340"));
            assertEquals(Long.MAX_VALUE, Extensions.engine().algorithm(algorithm).minimumBytes(deep, PIXELS, CLASSES)
                    .orElseThrow(), algorithm);
        }
    }

    @Test
    void aLayerTooLargeForOneJavaArrayIsABadSpecNotAnOverflow() {
        String tooWide = "width is 50000: a layer of 50000 x 50000 has 2,500,000,000 weights; allowed: at most"
                + " 2,147,483,639 weights per layer (the kernels index a layer's weights with a Java int)";
        for (String algorithm : new String[] {"ff-base", "backprop"}) {
            InvalidSpecException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSpecException.class,
                    () -> Specs.with(Map.of("algorithm", algorithm, "depth", "2", "width", "50000")));
            assertEquals(java.util.List.of(tooWide), e.problems(), algorithm);
        }
        InvalidSpecException recurrent = org.junit.jupiter.api.Assertions.assertThrows(InvalidSpecException.class,
                () -> Specs.with(Map.of("algorithm", "ff-recurrent", "depth", "3", "width", "40000")));
        assertEquals(java.util.List.of("width is 40000: a layer of 80000 x 40000 has 3,200,000,000 weights; allowed: at"
                + " most 2,147,483,639 weights per layer (the kernels index a layer's weights with a Java int)"),
                recurrent.problems());

        // the first layer depends on the dataset's image size, known in the cell: the layer refuses before allocating
        IllegalArgumentException first = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new dev.ffbench.nn.DenseLayer(new dev.ffbench.memory.PersistentMemory(), PIXELS, 3_000_000,
                        new java.util.SplittableRandom(1)));
        assertEquals("a layer of 784 x 3000000 has 2,352,000,000 weights; allowed: at most 2,147,483,639 weights per layer"
                + " (the kernels index a layer's weights with a Java int)", first.getMessage());
    }
}
