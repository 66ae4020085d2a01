package dev.ffbench.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What every JMH benchmark does first: float32 and one thread (the engine runs two by default; one isolates a step's own cost). */
public final class BenchmarkSetup {
    private BenchmarkSetup() {}

    public static void singleThreadedFloat() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        Parallel.setThreads(1);
    }

    /** A seeded random (rows x columns) float array outside any workspace. */
    public static INDArray random(long seed, long rows, long columns) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, rows, columns);
    }
}
