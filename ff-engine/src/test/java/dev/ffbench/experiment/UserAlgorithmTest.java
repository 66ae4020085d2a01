package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.Algorithm;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.HeapOutsideLedger;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.sample.EscapingAlgorithm;
import dev.ffbench.sample.FaultyAlgorithm;
import dev.ffbench.sample.SampleExtensions;
import dev.ffbench.sample.ThrowingAlgorithm;
import dev.ffbench.sample.TinyLocalAlgorithm;
import dev.ffbench.sample.TyingAlgorithm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's algorithm runs exactly like a built-in one: options, exact ledger, the allocation guard, its failures. */
class UserAlgorithmTest {
    private static final int PIXELS = 28 * 28;
    private static final int WIDTH = 16;
    private static final int BATCH = 50;
    private static final long FLOAT = Float.BYTES;

    @TempDir
    Path dir;
    private Extensions extensions;

    @BeforeEach
    void discover() {
        extensions = Extensions.discover(SampleExtensions.loader(dir, Map.of(Algorithm.class, List.of(
                TinyLocalAlgorithm.class.getName(), EscapingAlgorithm.class.getName(), ThrowingAlgorithm.class.getName(),
                TyingAlgorithm.class.getName(), FaultyAlgorithm.class.getName()))));
    }

    private ExperimentResult run(String algorithm, Map<String, String> options) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("algorithm", algorithm,
                "dataset", "synthetic:7:400:100", "depth", "1", "width", String.valueOf(WIDTH), "epochs", "1",
                "batchSize", String.valueOf(BATCH), "maxStepsPerEpoch", "3", "learningRate", "0.01"));
        fields.putAll(options);
        return new ExperimentRunner(extensions).run(new SpecResolver(extensions).resolve(fields));
    }

    @Test
    void itsOptionsAreDeclaredValidatedAndRecordedWithTheirDefaults() {
        SpecResolver resolver = new SpecResolver(extensions);
        assertEquals(Map.of("extraArrays", 0), resolver.resolve(Map.of("algorithm", "tiny-local")).options().values());
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> resolver.resolve(Map.of("algorithm", "tiny-local", "extraArrays", "-1", "goodness", "symba")));
        // the option's problem (dev.ffbench.api.Option.problem) and the resolver's, both data
        assertEquals(List.of(new Problem("extraArrays", "-1", "a whole number >= 0"), Problem.found("goodness", "is not a field of the spec nor an option of tiny-local",
                "the shared fields (algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate, seed,"
                        + " threads, maxStepsPerEpoch, evaluateEvery, targetAccuracy) and tiny-local's options (extraArrays)")),
                e.typedProblems());
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    /** Workspaces place every array at a 32-byte boundary: an allocation takes its size rounded up to 32 bytes. */
    private static long aligned(long bytes) {
        return (bytes + 31) / 32 * 32;
    }

    /**
     * The ledger of a user's model to the byte: its layer's parameters and gradients (SGD keeps no state),
     * and a step's working set of the batch, the activations, their squares for the loss, the loss's
     * scalar, their gradient and the bias gradient's column sums; in evaluation the weights and one batch,
     * its activations and the argmax per row (64-bit indexes).
     */
    @Test
    void itsLedgerIsExactToTheByte() {
        ExperimentResult result = run("tiny-local", Map.of());
        long layer = ((long) PIXELS * WIDTH + WIDTH) * FLOAT;
        MemoryBreakdown training = result.memory().trainingPeak();
        assertEquals(layer, training.parameters());
        assertEquals(layer, training.gradients());
        assertEquals(0, training.optimizerState());
        long activations = aligned((long) BATCH * WIDTH * FLOAT);
        long stepWorkingSet = aligned((long) BATCH * PIXELS * FLOAT) + 3 * activations + aligned(FLOAT)
                + aligned(WIDTH * FLOAT);
        assertEquals(166_496, stepWorkingSet);
        assertEquals(stepWorkingSet, training.transientBytes());

        MemoryBreakdown evaluation = result.memory().evaluationPeak();
        assertEquals(new MemoryBreakdown(layer, 0, 0, aligned((long) BATCH * PIXELS * FLOAT) + activations
                + aligned((long) BATCH * Long.BYTES)), evaluation);
        ExperimentResult again = run("tiny-local", Map.of());
        assertEquals(result.memory().trainingPhases(), again.memory().trainingPhases(), "the same bytes on every run");
        assertEquals(evaluation, again.memory().evaluationPeak());
    }

    @Test
    void oneMoreActivationSizedArrayPerStepIsExactlyThatManyBytesMore() {
        long before = run("tiny-local", Map.of()).memory().trainingPeak().totalBytes();
        long after = run("tiny-local", Map.of("extraArrays", "1")).memory().trainingPeak().totalBytes();
        assertEquals((long) BATCH * WIDTH * FLOAT, after - before);
    }

    @Test
    void anAllocationOutsideTheLedgerNamesTheUsersClassAndMethodAndWhatToDo() {
        EscapedAllocationException e = assertThrows(EscapedAllocationException.class, () -> run("escaping", Map.of()));
        assertEquals("algorithm escaping", e.problem().thing());
        assertTrue(e.problem().finding().startsWith("created an ND4J array outside the memory ledger, in"
                + " dev.ffbench.sample.EscapingAlgorithm.allocate (EscapingAlgorithm.java:"), e.getMessage());
        assertTrue(e.problem().allowed().startsWith("arrays that live through a step inside the step workspace the engine"
                + " opens around TrainingPhase.step and Model.predict (or Batch.scratch() for one layer's temporaries)"),
                e.getMessage());
        assertEquals(e.problem().message(), e.getMessage());
    }

    @Test
    void anExceptionOfTheUsersCodeKeepsItsStackTrace() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> run("throwing", Map.of()));
        assertTrue(e.getMessage().startsWith("algorithm throwing ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("failed: java.lang.IllegalStateException: layer sizes do not add up: 16"),
                e.getMessage());
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("dev.ffbench.sample.ThrowingAlgorithm", cause.getStackTrace()[0].getClassName());
    }

    @Test
    void tiedScoresGiveNoCreditNotTheShareOfTheFirstLabel() {
        ExperimentResult result = run("tying", Map.of());
        assertEquals(0.0, result.testAccuracy());
        assertEquals(1.0, result.evaluation().tieFraction());
        assertEquals(List.of("100.00 % of the test predictions are ties (counted as wrong)", "test accuracy 0.00 % is not"
                + " above chance (" + String.format(java.util.Locale.ROOT, "%.2f", 100 * result.evaluation().chanceAccuracy())
                + " %, the most frequent class's share of the test split)"), result.evaluation().degenerate());
    }

    private ExperimentResult faulty(String fault) {
        return run("faulty", Map.of("fault", fault));
    }

    @Test
    void aSoundModelHasNoMemoryOutsideTheLedgerAndEveryImageCounted() {
        ExperimentResult result = faulty("none");
        assertEquals(HeapOutsideLedger.none(16_384), result.memory().heapOutsideLedger(), "measured, and nothing outside the ledger");
        assertEquals(3L * BATCH, Math.round(result.samplesPerSecond() * result.trainSeconds()));
        assertEquals(List.of(new dev.ffbench.memory.PhaseMemory("all layers", result.memory().trainingPeak())),
                result.memory().trainingPhases());
        assertEquals(aligned((long) BATCH * PIXELS * FLOAT) + aligned(FLOAT), result.memory().trainingPeak().transientBytes(),
                "the batch and the mean's scalar: the engine records the phase the model never mentions");
    }

    @Test
    void aBatchSizedJavaArrayPerStepIsMemoryOutsideTheLedger() {
        ExperimentResult result = faulty("heap-array");
        long array = 16 + (long) BATCH * PIXELS * FLOAT; // the array's header and its floats
        HeapOutsideLedger heap = result.memory().heapOutsideLedger();
        assertEquals(new HeapOutsideLedger(16_384, 3, 3 * array, array, "float[]", heap.largestSource()), heap,
                "one batch-sized array in each of the 3 steps");
        assertTrue(heap.largestSource().startsWith("dev.ffbench.sample.FaultyAlgorithm.step (line "), heap.largestSource());
        assertTrue(result.memory().isHeapOutsideLedger());
        assertEquals("memory outside the ledger: 3 Java objects of at least 16,384 B (470,448 B in all; the largest a"
                + " float[] of 156,816 B from " + heap.largestSource() + ")", result.memory().outsideLedgerNote());
    }

    /**
     * HotSpot puts a few percent of large objects in a new allocation buffer rather than outside one (when the
     * current buffer is nearly full): each of them is counted all the same, whatever the buffer's fill level.
     */
    @Test
    void everyLargeObjectIsCountedWhereverHotSpotAllocatesIt() {
        HeapOutsideLedger heap = faulty("many-heap-arrays").memory().heapOutsideLedger();
        long array = 16 + 4096L * FLOAT;
        assertEquals(new HeapOutsideLedger(16_384, 3L * FaultyAlgorithm.MANY, 3L * FaultyAlgorithm.MANY * array, array,
                "float[]", heap.largestSource()), heap, "every array of every step");
    }

    @Test
    void aWorkspaceOfTheModelsOwnFailsTheCellNamingItsClass() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("own-workspace"));
        assertTrue(e.getMessage().startsWith("algorithm faulty's model dev.ffbench.sample.FaultyAlgorithm$1 opened ND4J"
                + " workspace my-workspace in its step of phase 'all layers'"), e.getMessage());
    }

    @Test
    void anExceptionInAStepKeepsItsStackTrace() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("throw"));
        assertTrue(e.getMessage().endsWith("failed: java.lang.IllegalArgumentException: step 0 of a faulty model"), e.getMessage());
        StackTraceElement top = e.getCause().getStackTrace()[0];
        assertEquals("dev.ffbench.sample.FaultyAlgorithm.step", top.getClassName() + "." + top.getMethodName());
    }

    @Test
    void aNanLossStopsTheRunAsDiverged() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> faulty("nan-loss"));
        assertEquals("training diverged: faulty's loss is NaN in epoch 1 (phase 'all layers'); lower the learning rate"
                + " (0.01), or look for a NaN the step itself computes", e.getMessage());
    }

    @Test
    void predictionsThatDoNotCoverTheBatchFailNamingPredict() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("short-predictions"));
        assertEquals(Optional.of(Problem.found("algorithm faulty's model dev.ffbench.sample.FaultyAlgorithm$1.predict",
                "returned 25 predictions for a batch of 50 images (images 0..49)", "exactly one prediction per image")),
                e.problem());
    }

    @Test
    void aStepLossThatChangesItsLayersFails() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("changing-loss"));
        assertEquals(Optional.of(Problem.found("algorithm faulty's model dev.ffbench.sample.FaultyAlgorithm$1: its step 2"
                + " of epoch 1 of phase 'all layers'", "returned the losses of layer 1, but its first step returned those of"
                + " the network", "the same layers on every step")), e.problem());
    }

    @Test
    void aStepLossOfLayersTheNetDoesNotHaveFails() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("deep-loss"));
        assertEquals(Optional.of(Problem.found("algorithm faulty's model dev.ffbench.sample.FaultyAlgorithm$1: its step 1"
                + " of epoch 1 of phase 'all layers'", "returned the losses of layers 1..2",
                "layers 1..1 (the spec's depth), or the network's loss")), e.problem());
    }

    @Test
    void twoPhasesOfOneNameFail() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("twin-phases"));
        assertEquals("algorithm faulty's model dev.ffbench.sample.FaultyAlgorithm$1: trainingPhases() returned two phases"
                + " named 'all layers'; allowed: phases with names of their own (the results and the report tell the"
                + " phases apart by name)", e.getMessage());
    }

    /** A predictor that read the true labels would score what it was told: the labels are not there to read. */
    @Test
    void aPredictorCannotReadTheLabels() {
        ModelFailedException e = assertThrows(ModelFailedException.class, () -> faulty("reads-labels"));
        assertTrue(e.getMessage().endsWith("failed: java.lang.IllegalStateException: Batch.label(0) in a prediction:"
                + " the true labels are not shown to a predictor; allowed: labels in a training step only"), e.getMessage());
    }

    /** The record runs from the model's constructor on, and follows the model's code onto threads of its own. */
    @Test
    void javaHeapFromTheConstructorOrTheModelsOwnThreadIsOutsideTheLedgerToo() {
        HeapOutsideLedger table = faulty("constructor-table").memory().heapOutsideLedger();
        assertEquals(1, table.objects());
        assertEquals(16 + 4L * (1 << 20), table.largestBytes());
        assertTrue(table.largestSource().startsWith("dev.ffbench.sample.FaultyAlgorithm.build (line "), table.largestSource());
        HeapOutsideLedger thread = faulty("own-thread").memory().heapOutsideLedger();
        assertEquals(3, thread.objects(), "one per step");
        assertTrue(thread.largestSource().startsWith("dev.ffbench.sample.FaultyAlgorithm.lambda$step$"), thread.largestSource());
    }
}
