package dev.ffbench.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Adam;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.Sgd;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** FF Recurrent's scheduled optimizer: nn.Adam's update at factor 1, the scaled rule otherwise, same state bytes. */
class ScheduledOptimizerTest {
    private static final double[][] GRADIENTS = {{1, -2, 0.5, 0}, {0.3, 0.1, -4, 1}, {-1, 1, 1, -1}};

    @Test
    void atFactorOneAdamIsNnAdamFloatForFloatWithTheSameStateBytes() {
        PersistentMemory memory = new PersistentMemory();
        float[] start = {0.5f, -1.0f, 2.0f, 0.0f};
        INDArray ours = memory.of(MemoryCategory.PARAMETERS, start, 1, 4);
        INDArray reference = memory.of(MemoryCategory.PARAMETERS, start, 1, 4);
        long before = memory.bytes(MemoryCategory.OPTIMIZER_STATE);
        Optimizer.Updater scheduled = new ScheduledOptimizer("adam", 0.1).attach(ours, memory);
        long scheduledState = memory.bytes(MemoryCategory.OPTIMIZER_STATE) - before;
        Optimizer.Updater adam = new Adam(0.1).attach(reference, memory);
        assertEquals(scheduledState, memory.bytes(MemoryCategory.OPTIMIZER_STATE) - before - scheduledState);
        for (double[] gradient : GRADIENTS) {
            scheduled.step(row(gradient));
            adam.step(row(gradient));
        }
        assertArrayEquals(reference.toFloatVector(), ours.toFloatVector(), 0f);
        memory.releaseAll();
    }

    /** The update rule written out in double precision, the step size times the schedule's factor. */
    @Test
    void aFactorScalesAdamsStepSize() {
        PersistentMemory memory = new PersistentMemory();
        INDArray parameter = memory.of(MemoryCategory.PARAMETERS, new float[] {0.5f, -1.0f, 2.0f, 0.0f}, 1, 4);
        ScheduledOptimizer optimizer = new ScheduledOptimizer("adam", 0.1);
        Optimizer.Updater updater = optimizer.attach(parameter, memory);
        double[] factors = {1.0, 0.5, 0.25};
        double[] p = {0.5, -1.0, 2.0, 0.0};
        double[] m = new double[4];
        double[] v = new double[4];
        for (int t = 1; t <= GRADIENTS.length; t++) {
            optimizer.setFactor(factors[t - 1]);
            updater.step(row(GRADIENTS[t - 1]));
            double alpha = factors[t - 1] * 0.1 * Math.sqrt(1 - Math.pow(Adam.BETA2, t)) / (1 - Math.pow(Adam.BETA1, t));
            for (int i = 0; i < 4; i++) {
                double g = GRADIENTS[t - 1][i];
                m[i] = Adam.BETA1 * m[i] + (1 - Adam.BETA1) * g;
                v[i] = Adam.BETA2 * v[i] + (1 - Adam.BETA2) * g * g;
                p[i] -= alpha * m[i] / (Math.sqrt(v[i]) + Adam.EPSILON);
            }
        }
        assertArrayEquals(p, parameter.toDoubleVector(), 1e-5);
        memory.releaseAll();
    }

    @Test
    void sgdTakesTheScaledStepAndNoState() {
        PersistentMemory memory = new PersistentMemory();
        INDArray ours = memory.of(MemoryCategory.PARAMETERS, new float[] {1f, 2f}, 1, 2);
        INDArray reference = memory.of(MemoryCategory.PARAMETERS, new float[] {1f, 2f}, 1, 2);
        ScheduledOptimizer optimizer = new ScheduledOptimizer("sgd", 0.5);
        Optimizer.Updater updater = optimizer.attach(ours, memory);
        updater.step(Nd4j.createFromArray(new float[] {2f, -4f}).reshape(1, 2));
        new Sgd(0.5).attach(reference, memory).step(Nd4j.createFromArray(new float[] {2f, -4f}).reshape(1, 2));
        assertArrayEquals(reference.toFloatVector(), ours.toFloatVector(), 0f);
        optimizer.setFactor(0.5);
        updater.step(Nd4j.createFromArray(new float[] {2f, -4f}).reshape(1, 2));
        assertArrayEquals(new double[] {-0.5, 5.0}, ours.toDoubleVector(), 1e-7); // [0, 4] - 0.25 x [2, -4]
        assertEquals(0, memory.bytes(MemoryCategory.OPTIMIZER_STATE));
        memory.releaseAll();
    }

    @Test
    void anUnknownOptimizerOrAFactorOutside0To1IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ScheduledOptimizer("rmsprop", 0.1));
        assertThrows(IllegalArgumentException.class, () -> new ScheduledOptimizer("adam", 0.1).setFactor(1.5));
        assertThrows(IllegalArgumentException.class, () -> new ScheduledOptimizer("adam", 0.1).setFactor(Double.NaN));
    }

    private static INDArray row(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return Nd4j.createFromArray(floats).reshape(1, values.length);
    }
}
