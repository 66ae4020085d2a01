package dev.ffbench.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger's exact properties: FF's working set does not depend on depth (with a goodness readout;
 * a softmax readout adds exactly its feature rows per layer), persistent memory is
 * the arithmetic of the layer shapes, and backprop's working set grows with depth.
 */
class MemoryLedgerTest {
    private static final int WIDTH = 32;
    private static final int PIXELS = 28 * 28;
    private static final long FLOAT = Float.BYTES;
    /** Parameters of one hidden W x W layer: weights and bias. */
    private static final long HIDDEN_LAYER_BYTES = (WIDTH * WIDTH + WIDTH) * FLOAT;
    /** Peer normalization's running means of one layer (one float per unit), held while it trains. */
    private static final long RUNNING_MEANS_BYTES = WIDTH * FLOAT;
    private static final long FIRST_LAYER_BYTES = (PIXELS * WIDTH + WIDTH) * FLOAT;

    private static MemoryBreakdown trainingPeak(String algorithm, int depth, Map<String, String> overrides) {
        return run(algorithm, depth, overrides).memory().trainingPeak();
    }

    private static ExperimentResult run(String algorithm, int depth, Map<String, String> overrides) {
        return ExperimentRunner.engine().run(Specs.small(algorithm, depth, overrides));
    }

    /** The largest working set of any training phase. */
    private static long transientPeak(MemoryLedger ledger) {
        return ledger.trainingPhases().stream().mapToLong(p -> p.memory().transientBytes()).max().orElseThrow();
    }

    /** The breakdown of the last training phase (layerwise: the top layer's). */
    private static MemoryBreakdown lastPhase(MemoryLedger ledger) {
        List<PhaseMemory> phases = ledger.trainingPhases();
        return phases.get(phases.size() - 1).memory();
    }

    /** FF Base with a goodness readout: a softmax readout's feature rows grow with depth (tested below). */
    private static final Map<String, String> GOODNESS_READOUT = Map.of("readout", "goodness");

    private static Map<String, String> goodnessReadout(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(GOODNESS_READOUT);
        all.putAll(overrides);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"layerwise", "simultaneous"})
    void ffTransientPeakAtDepthTwoEqualsDepthEightToTheByte(String schedule) {
        MemoryLedger depth2 = run("ff-base", 2, goodnessReadout(Map.of("schedule", schedule))).memory();
        MemoryLedger depth8 = run("ff-base", 8, goodnessReadout(Map.of("schedule", schedule))).memory();
        assertTrue(transientPeak(depth2) > 0);
        assertEquals(transientPeak(depth2), transientPeak(depth8));
        assertEquals(6 * HIDDEN_LAYER_BYTES, depth8.trainingPeak().parameters() - depth2.trainingPeak().parameters());
    }

    @Test
    void layerwiseFfKeepingWeightsOnlyHoldsOneLayersGradientsAndOptimizerState() {
        MemoryLedger depth2 = run("ff-base", 2, GOODNESS_READOUT).memory();
        MemoryLedger depth8 = run("ff-base", 8, GOODNESS_READOUT).memory();
        assertEquals(List.of("layer 1", "layer 2"), depth2.trainingPhases().stream().map(PhaseMemory::phase).toList());
        MemoryBreakdown top2 = lastPhase(depth2);
        MemoryBreakdown top8 = lastPhase(depth8);
        assertEquals(6 * HIDDEN_LAYER_BYTES, top8.parameters() - top2.parameters());
        assertEquals(HIDDEN_LAYER_BYTES, top2.gradients(), "only the training layer has gradients");
        assertEquals(top2.gradients(), top8.gradients());
        assertEquals(2 * HIDDEN_LAYER_BYTES + RUNNING_MEANS_BYTES, top2.optimizerState(),
                "Adam: two moments of the training layer, and its running means (peer normalization, on by default)");
        assertEquals(top2.optimizerState(), top8.optimizerState());
        assertEquals(FIRST_LAYER_BYTES + HIDDEN_LAYER_BYTES, top2.parameters());
        assertEquals(FIRST_LAYER_BYTES, depth2.trainingPhases().get(0).memory().gradients());
    }

    /**
     * The documented formula: FF Base's training peak is the parameters of every layer, plus the
     * gradients and two Adam moments of the one layer training and its peer normalization's running
     * means (one per unit: on by default), plus one layer's working set T, and nothing else; T is the
     * same at every depth. Width 1000 makes a hidden layer larger than
     * the first (784 x 1000), so the peak is a hidden layer's phase.
     */
    @Test
    void ffTrainingPeakIsAllParametersPlusOneLayersTrainingStatePlusOneWorkingSet() {
        int width = 1000;
        long hidden = ((long) width * width + width) * FLOAT;
        long first = ((long) PIXELS * width + width) * FLOAT;
        Map<String, String> wide = goodnessReadout(Map.of("width", Integer.toString(width), "maxStepsPerEpoch", "1"));
        long workingSet = -1;
        for (int depth : new int[] {2, 3, 5}) {
            MemoryBreakdown peak = trainingPeak("ff-base", depth, wide);
            if (workingSet < 0) {
                workingSet = peak.transientBytes();
            }
            assertEquals(first + (depth - 1) * hidden + 3 * hidden + width * FLOAT + workingSet, peak.totalBytes(),
                    "depth " + depth);
        }
    }

    /**
     * The same formula with every FF Base training option on: the softmax readout's D x K weights
     * (D = (depth - 1) x width) are parameters from the start and train with the top layer, so its phase
     * holds them with their gradient and two Adam moments; peer normalization adds one running mean per
     * unit of the training layer. The working set grows with depth by exactly the readout's feature rows
     * (batchSize x width floats per added layer), and by nothing else.
     */
    @Test
    void ffTrainingPeakStaysExactWithEveryTrainingOptionOn() {
        int width = 1000;
        int images = 25;
        long hidden = ((long) width * width + width) * FLOAT;
        long first = ((long) PIXELS * width + width) * FLOAT;
        Map<String, String> options = Map.of("width", Integer.toString(width), "maxStepsPerEpoch", "1",
                "readout", "softmax", "peerNormalization", "0.03", "weightDecay", "0.001",
                "learningRateSchedule", "cooldown", "batchSize", Integer.toString(images));
        long workingSet = -1;
        for (int depth : new int[] {2, 3, 5}) {
            long readout = (long) (depth - 1) * width * 10 * FLOAT;
            MemoryBreakdown peak = trainingPeak("ff-base", depth, options);
            if (workingSet < 0) {
                workingSet = peak.transientBytes();
            }
            long features = (long) (depth - 2) * images * width * FLOAT;
            assertEquals(first + (depth - 1) * hidden + readout + 3 * (hidden + readout) + width * FLOAT
                    + workingSet + features, peak.totalBytes(), "depth " + depth);
            assertEquals(first + (depth - 1) * hidden + readout, peak.parameters(), "depth " + depth);
        }
    }

    @Test
    void layerwiseFfKeepingEverythingGrowsByTheAddedLayersGradientsAndAdamMoments() {
        Map<String, String> keepAll = goodnessReadout(Map.of("finishedLayerKeeps", "all"));
        MemoryBreakdown top2 = lastPhase(run("ff-base", 2, keepAll).memory());
        MemoryBreakdown top8 = lastPhase(run("ff-base", 8, keepAll).memory());
        assertEquals(6 * HIDDEN_LAYER_BYTES, top8.parameters() - top2.parameters());
        assertEquals(6 * HIDDEN_LAYER_BYTES, top8.gradients() - top2.gradients());
        // a finished layer keeps its running means too
        assertEquals(2 * 6 * HIDDEN_LAYER_BYTES + 6 * RUNNING_MEANS_BYTES, top8.optimizerState() - top2.optimizerState());
        assertEquals(top2.transientBytes(), top8.transientBytes());
    }

    @Test
    void simultaneousFfTrainsEveryLayerSoEveryLayerHasGradientsAndMoments() {
        MemoryBreakdown peak = trainingPeak("ff-base", 3, goodnessReadout(Map.of("schedule", "simultaneous")));
        long parameters = FIRST_LAYER_BYTES + 2 * HIDDEN_LAYER_BYTES;
        assertEquals(parameters, peak.parameters());
        assertEquals(parameters, peak.gradients());
        assertEquals(2 * parameters + 3 * RUNNING_MEANS_BYTES, peak.optimizerState());
    }

    @Test
    void ffRecurrentTransientPeakDoesNotDependOnTheNumberOfIterations() {
        MemoryLedger two = run("ff-recurrent", 2, Map.of("iterations", "2", "scoreFrom", "1", "scoreTo", "2")).memory();
        MemoryLedger eight = run("ff-recurrent", 2, Map.of("iterations", "8")).memory();
        assertTrue(transientPeak(two) > 0);
        assertEquals(transientPeak(two), transientPeak(eight), "two time steps of states, whatever the iterations");
        assertEquals(two.trainingPeak(), eight.trainingPeak());
    }

    @Test
    void ffRecurrentLayersSeeBelowAndAboveAndAllOfThemTrain() {
        MemoryBreakdown peak = trainingPeak("ff-recurrent", 3, Map.of());
        // layer 1: image + layer 2 -> W; layer 2: layer 1 + layer 3 -> W; layer 3: layer 2 + label -> W
        long parameters = ((PIXELS + WIDTH) * WIDTH + WIDTH + 2L * WIDTH * WIDTH + WIDTH + (WIDTH + 10) * WIDTH + WIDTH) * FLOAT;
        assertEquals(parameters, peak.parameters());
        assertEquals(parameters, peak.gradients());
        assertEquals(2 * parameters + 3 * RUNNING_MEANS_BYTES, peak.optimizerState(), "with every layer's running means");
    }

    /** Peer normalization's gradient is added inside the kernels: it costs its running means and no working array. */
    @ParameterizedTest
    @ValueSource(strings = {"ff-base", "ff-recurrent"})
    void peerNormalizationAddsItsRunningMeansAndNothingElse(String algorithm) {
        MemoryBreakdown off = trainingPeak(algorithm, 2, Map.of("peerNormalization", "0"));
        MemoryBreakdown on = trainingPeak(algorithm, 2, Map.of("peerNormalization", "0.03"));
        long trainingLayers = algorithm.equals("ff-base") ? 1 : 2;
        assertEquals(off.transientBytes(), on.transientBytes());
        assertEquals(off.parameters(), on.parameters());
        assertEquals(off.gradients(), on.gradients());
        assertEquals(off.optimizerState() + trainingLayers * RUNNING_MEANS_BYTES, on.optimizerState());
    }

    @Test
    void sgdHasNoOptimizerState() {
        assertEquals(0, trainingPeak("ff-base", 2, Map.of("optimizer", "sgd", "peerNormalization", "0")).optimizerState());
        assertEquals(RUNNING_MEANS_BYTES, trainingPeak("ff-base", 2, Map.of("optimizer", "sgd")).optimizerState(),
                "only peer normalization's running means, counted with the training state");
    }

    @Test
    void backpropHoldsGradientsAndMomentsOfEveryLayerAndTheHead() {
        MemoryBreakdown peak = trainingPeak("backprop", 2, Map.of());
        long parameters = FIRST_LAYER_BYTES + HIDDEN_LAYER_BYTES + (WIDTH * 10 + 10) * FLOAT;
        assertEquals(parameters, peak.parameters());
        assertEquals(parameters, peak.gradients());
        assertEquals(2 * parameters, peak.optimizerState());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff-base", "ff-recurrent", "backprop"})
    void evaluationHoldsWeightsOnly(String algorithm) {
        MemoryLedger ledger = run(algorithm, 2, Map.of()).memory();
        assertEquals(ledger.trainingPeak().parameters(), ledger.evaluationPeak().parameters());
        assertEquals(0, ledger.evaluationPeak().gradients());
        assertEquals(0, ledger.evaluationPeak().optimizerState());
    }

    @Test
    void backpropTransientPeakGrowsWithDepth() {
        long depth2 = trainingPeak("backprop", 2, Map.of()).transientBytes();
        long depth8 = trainingPeak("backprop", 8, Map.of()).transientBytes();
        assertTrue(depth8 > depth2, "backprop keeps every layer's activations: " + depth2 + " -> " + depth8);
    }

    @Test
    void ffEvaluationNeedsNoMoreThanTraining() {
        MemoryLedger ledger = run("ff-base", 4, Map.of()).memory();
        assertTrue(ledger.evaluationPeak().totalBytes() <= ledger.trainingPeak().totalBytes(),
                ledger.evaluationPeak() + " vs " + ledger.trainingPeak());
        assertEquals(0, ledger.evaluationPeak().gradients(), "finished layers keep weights only");
        assertTrue(ledger.processPeakRssBytes() > 0, "VmHWM is read from /proc");
    }
}
