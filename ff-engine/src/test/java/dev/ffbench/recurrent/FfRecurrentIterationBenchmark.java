package dev.ffbench.recurrent;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.Adam;
import dev.ffbench.nn.BenchmarkSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
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
 * One synchronous FF Recurrent iteration of a 784-W-W net with the label on top: every layer
 * recomputed from its neighbours, scored by the local loss, its gradients added.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FfRecurrentIterationBenchmark {
    /** MNIST's 10 classes. */
    private static final int CLASSES = 10;
    private static final int PIXELS = 28 * 28;

    @Param({"500", "2000"})
    int width;

    @Param({"256"})
    int positives;

    private final GoodnessFunction goodness = new SumOfSquares();
    private PersistentMemory memory;
    private TransientMemory transientMemory;
    private final List<RecurrentLayer> layers = new ArrayList<>();
    private LayerLoss loss;
    private States states;
    private MemoryWorkspace stepWorkspace;

    @Setup
    public void setUp() {
        BenchmarkSetup.singleThreadedFloat();
        memory = new PersistentMemory();
        transientMemory = new TransientMemory("bench-recurrent");
        SplittableRandom random = new SplittableRandom(1);
        layers.add(new RecurrentLayer(memory, PIXELS, width, width, random));
        layers.add(new RecurrentLayer(memory, width, CLASSES, width, random));
        layers.forEach(layer -> layer.startTraining(memory, new Adam(0.003)));
        loss = goodness.loss(goodness.naturalThreshold(width), null);
        stepWorkspace = transientMemory.step();
        long rows = 2L * positives;
        states = new States(BenchmarkSetup.random(5, rows, PIXELS), BenchmarkSetup.random(6, rows, CLASSES),
                layers.size(), width);
    }

    @Benchmark
    public double iteration() {
        double total = 0;
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                RecurrentLayer.Step result = layers.get(l).trainIteration(states.below(l), states.above(l),
                        states.previous(l), 0.3, loss, goodness, false);
                states.setNext(l, result.state());
                total += result.loss();
            }
        }
        states.swap();
        return total;
    }

    @TearDown
    public void tearDown() {
        stepWorkspace.close();
        transientMemory.close();
        memory.releaseAll();
    }
}
