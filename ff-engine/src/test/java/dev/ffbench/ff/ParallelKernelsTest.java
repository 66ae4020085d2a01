package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Adam;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.nn.Parallel;
import dev.ffbench.sample.DuplicateSumOfSquares;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The kernels split their work the same way on any number of threads: two threads give the same bits as one. */
class ParallelKernelsTest {
    private static final int CLASSES = 10;
    private static final int IMAGES = 256;
    private static final int INPUTS = 300;
    private static final int UNITS = 256;

    @AfterEach
    void oneThreadAgain() {
        Parallel.setThreads(1);
    }

    /** Weights, activations and losses of a first-layer step and a hidden-layer step with Adam, on {@code threads}. */
    private List<float[]> steps(int threads, GoodnessFunction goodness) {
        Parallel.setThreads(threads);
        PersistentMemory memory = new PersistentMemory();
        FfLayer first = new FfLayer(memory, INPUTS, UNITS, new SplittableRandom(3));
        FfLayer hidden = new FfLayer(memory, UNITS, UNITS, new SplittableRandom(4));
        first.startTraining(memory, new Adam(0.01));
        hidden.startTraining(memory, new Adam(0.01));
        INDArray images = BenchmarkSetup.random(8, IMAGES, INPUTS);
        images.get(NDArrayIndex.all(), NDArrayIndex.interval(0, CLASSES)).assign(0);
        LabelledBatch batch = LabelledBatch.of(images, 0, CLASSES);
        int[] labels = new int[2 * IMAGES];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = (r * 7 + r / IMAGES) % CLASSES;
        }
        Activations carry = Activations.create(2 * IMAGES, UNITS);
        double firstLoss = first.trainStepLabelled(batch, labels, goodness.loss(UNITS, null), goodness, carry);
        double hiddenLoss = hidden.trainStep(carry, goodness.loss(UNITS, null), goodness, null, true);
        List<float[]> results = new ArrayList<>();
        results.add(first.dense().weights().ravel().toFloatVector());
        results.add(first.dense().bias().ravel().toFloatVector());
        results.add(hidden.dense().weights().ravel().toFloatVector());
        results.add(hidden.dense().bias().ravel().toFloatVector());
        results.add(new float[] {(float) firstLoss, (float) hiddenLoss});
        memory.releaseAll();
        return results;
    }

    @ParameterizedTest
    @ValueSource(strings = {"quadratic", "general"})
    void twoThreadsComputeExactlyWhatOneComputes(String path) {
        GoodnessFunction goodness = path.equals("quadratic") ? new SumOfSquares() : new DuplicateSumOfSquares();
        List<float[]> one = steps(1, goodness);
        List<float[]> two = steps(2, goodness);
        assertEquals(2, Parallel.threads());
        for (int i = 0; i < one.size(); i++) {
            assertArrayEquals(one.get(i), two.get(i), "result " + i);
        }
    }
}
