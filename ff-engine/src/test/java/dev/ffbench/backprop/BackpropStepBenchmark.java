package dev.ffbench.backprop;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.ModelContext;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.Json;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.BenchmarkSetup;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One backprop step of 784-W-W-10 (forward, cross-entropy, backward, Adam) on as many rows as an FF
 * step with the same positives has (2 x positives), so the two compare per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BackpropStepBenchmark {
    /** MNIST's 10 classes. */
    private static final int CLASSES = 10;
    @Param({"500", "2000"})
    int width;

    @Param({"256", "2500"})
    int positives;

    private PersistentMemory memory;
    private TransientMemory transientMemory;
    private BackpropModel model;
    private INDArray input;
    private int[] labels;

    @Setup
    public void setUp() {
        BenchmarkSetup.singleThreadedFloat();
        ExperimentSpec spec = SpecResolver.engine().resolve(Map.of("algorithm", "backprop", "width", Integer.toString(width)));
        memory = new PersistentMemory();
        transientMemory = new TransientMemory("bench-backprop-step");
        model = new BackpropModel(new ModelContext(spec, new DatasetShape(28, 28, 1, 10), memory,
                new java.util.SplittableRandom(spec.seed()).split(), Extensions.engine()::goodness), BackpropPlan.PLAIN);
        model.startTraining();
        long rows = 2L * positives;
        input = BenchmarkSetup.random(4, rows, 28 * 28);
        labels = new int[(int) rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % CLASSES;
        }
    }

    @Benchmark
    public double step() {
        try (MemoryWorkspace step = transientMemory.step()) {
            return model.trainStep(input, labels, transientMemory::scratch);
        }
    }

    @TearDown
    public void tearDown() {
        transientMemory.close();
        memory.releaseAll();
    }
}
