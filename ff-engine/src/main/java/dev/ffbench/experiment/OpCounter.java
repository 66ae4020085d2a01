package dev.ffbench.experiment;

import dev.ffbench.nn.Gemm;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * Counts ND4J op executions: every op that the Java side hands to ND4J's native library through its
 * op executioner (element-wise, broadcast, reduction and custom ops, {@code Nd4j.gemm} and
 * {@code mmul} included, which run the native matmul op), plus the engine's direct matrix products
 * ({@link Gemm}): they replaced {@code Nd4j.gemm} calls and are each a native call, so a step's count
 * stays what it was. ND4J's {@link OpProfiler} increments its
 * invocation counter for each op while the executioner's profiling mode is not
 * {@code DISABLED}; this class switches the mode on around the counted work and restores it after.
 * Not counted: what is not an op, e.g. creating an array, {@code putScalar}, reading an array into
 * Java, and Java code working on an array's buffer directly. Profiling slows every op down, so time
 * nothing while counting.
 */
public final class OpCounter {
    private OpCounter() {}

    /** Runs {@code work} and returns how many ND4J ops and direct products it executed (on any thread). */
    public static long count(Runnable work) {
        OpExecutioner executioner = Nd4j.getExecutioner();
        OpExecutioner.ProfilingMode previous = executioner.getProfilingMode();
        executioner.setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        long before = OpProfiler.getInstance().getInvocationsCount() + Gemm.calls();
        try {
            work.run();
            return OpProfiler.getInstance().getInvocationsCount() + Gemm.calls() - before;
        } finally {
            executioner.setProfilingMode(previous);
        }
    }
}
