package dev.ffbench.ff;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.Adam;
import dev.ffbench.nn.BenchmarkSetup;
import java.util.SplittableRandom;
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

/** One FF Base hidden-layer step (W -> W): forward, local loss and backward, Adam update. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FfLayerStepBenchmark {
    @Param({"500", "2000"})
    int width;

    @Param({"256", "2500"})
    int positives;

    private final GoodnessFunction goodness = new SumOfSquares();
    private PersistentMemory memory;
    private TransientMemory transientMemory;
    private FfLayer layer;
    private LayerLoss loss;
    private Activations input;

    @Setup
    public void setUp() {
        BenchmarkSetup.singleThreadedFloat();
        memory = new PersistentMemory();
        transientMemory = new TransientMemory("bench-ff-step");
        layer = new FfLayer(memory, width, width, new SplittableRandom(1));
        layer.startTraining(memory, new Adam(0.003));
        loss = goodness.loss(goodness.naturalThreshold(width), null);
        INDArray rows = BenchmarkSetup.random(3, 2L * positives, width);
        input = new Activations(rows, rows.mul(rows).sum(true, 1));
    }

    @Benchmark
    public double step() {
        try (MemoryWorkspace step = transientMemory.step(); MemoryWorkspace scratch = transientMemory.scratch()) {
            return layer.trainStep(input, loss, goodness, null, true);
        }
    }

    @TearDown
    public void tearDown() {
        transientMemory.close();
        memory.releaseAll();
    }
}
