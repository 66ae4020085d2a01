package dev.ffbench.ff;

import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.ModelContext;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.dataset.Synthetic;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.Json;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.BenchmarkSetup;
import java.util.Map;
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

/** FF Base evaluation of 512 images (10 label passes each) through 784-W-W. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FfEvaluationBenchmark {
    @Param({"500", "2000"})
    int width;

    private PersistentMemory memory;
    private FfBaseModel model;
    private ImageSet images;

    @Setup
    public void setUp() {
        BenchmarkSetup.singleThreadedFloat();
        ExperimentSpec spec = SpecResolver.engine().resolve(Map.of("width", Integer.toString(width), "batchSize", "256"));
        memory = new PersistentMemory();
        model = new FfBaseModel(new ModelContext(spec, new DatasetShape(28, 28, 1, 10), memory,
                new java.util.SplittableRandom(spec.seed()).split(), Extensions.engine()::goodness));
        images = new Synthetic(1, 512, 1).load().train();
    }

    /** Two batches of 256, each one step of an evaluation workspace, as the engine's evaluation runs them. */
    @Benchmark
    public int[] evaluate512Images() {
        int[] order = java.util.stream.IntStream.range(0, images.count()).toArray();
        int[] predictions = new int[images.count()];
        try (TransientMemory transientMemory = new TransientMemory("bench-eval")) {
            for (int start = 0; start < images.count(); start += 256) {
                try (MemoryWorkspace step = transientMemory.step()) {
                    int[] batch = model.predict(new Batch(images, order, start, 256, transientMemory, null, 0, 0, 1, null, false));
                    System.arraycopy(batch, 0, predictions, start, 256);
                }
            }
        }
        return predictions;
    }

    @TearDown
    public void tearDown() {
        memory.releaseAll();
    }
}
