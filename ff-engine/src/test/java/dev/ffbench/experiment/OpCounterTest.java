package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.nn.Gemm;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/** Counting ND4J op executions: what counts, what does not, and the figure per training step. */
class OpCounterTest {

    @Test
    void countsEveryOpAndNothingElse() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 5);
        INDArray w = Nd4j.rand(DataType.FLOAT, 5, 3);
        INDArray z = Nd4j.create(DataType.FLOAT, 4, 3);
        OpExecutioner.ProfilingMode mode = Nd4j.getExecutioner().getProfilingMode();
        assertEquals(3, OpCounter.count(() -> {
            x.addi(1.0);
            Nd4j.gemm(x, w, z, false, false, 1.0, 0.0);
            x.norm2(true, 1);
        }));
        assertEquals(1, OpCounter.count(() -> Gemm.gemm(x, w, z, false, false, 1.0, 0.0)),
                "a direct product counts as the Nd4j.gemm it replaced");
        assertEquals(0, OpCounter.count(() -> {
            x.putScalar(0, 1f);
            x.data().asNioFloat().put(1, 2f);
        }), "not ops: a scalar write and Java writing the buffer");
        assertEquals(mode, Nd4j.getExecutioner().getProfilingMode(), "the profiling mode is restored");
    }

    @Test
    void opsPerTrainingStepAreTheSameOnEveryRun() {
        ExperimentSpec spec = Specs.small("ff-base", 2, Map.of());
        double first = ExperimentRunner.engine().trainingOpsPerStep(spec);
        assertTrue(first > 0, "a step runs ops: " + first);
        assertEquals(first, ExperimentRunner.engine().trainingOpsPerStep(spec));
    }
}
