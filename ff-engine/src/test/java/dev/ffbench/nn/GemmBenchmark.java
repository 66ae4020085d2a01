package dev.ffbench.nn;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BLAS floor of one FF layer step: the forward product (2P x W)(W x W) and the weight-gradient
 * product (W x 2P)(2P x W), into preallocated arrays. FfLayerStepBenchmark divided by this is the
 * share of the step that is matrix products.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GemmBenchmark {
    @Param({"500", "2000"})
    int width;

    @Param({"256", "2500"})
    int positives;

    private INDArray input;
    private INDArray weights;
    private INDArray output;
    private INDArray gradient;

    @Setup
    public void setUp() {
        BenchmarkSetup.singleThreadedFloat();
        input = BenchmarkSetup.random(1, 2L * positives, width);
        weights = BenchmarkSetup.random(2, width, width);
        output = Nd4j.create(DataType.FLOAT, 2L * positives, width);
        gradient = Nd4j.create(DataType.FLOAT, width, width);
    }

    @Benchmark
    public INDArray layerStepProducts() {
        Nd4j.gemm(input, weights, output, false, false, 1.0, 0.0);
        return Nd4j.gemm(input, output, gradient, true, false, 1.0, 0.0);
    }
}
