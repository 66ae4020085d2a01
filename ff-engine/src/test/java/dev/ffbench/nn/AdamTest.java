package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Adam's fused kernel (with weight decay and a schedule's factor) against the update rule in double precision; SGD; the schedule. */
class AdamTest {

    @Test
    void threeStepsMatchTheReferenceUpdateRule() {
        PersistentMemory memory = new PersistentMemory();
        float[] start = {0.5f, -1.0f, 2.0f, 0.0f};
        INDArray parameter = memory.of(MemoryCategory.PARAMETERS, start, 1, 4);
        Optimizer.Updater adam = new Adam(0.1).attach(parameter, memory);
        double[][] gradients = {{1, -2, 0.5, 0}, {0.3, 0.1, -4, 1}, {-1, 1, 1, -1}};

        double[] p = {0.5, -1.0, 2.0, 0.0};
        double[] m = new double[4];
        double[] v = new double[4];
        for (int t = 1; t <= gradients.length; t++) {
            adam.step(Nd4j.createFromArray(toFloat(gradients[t - 1])).reshape(1, 4));
            double alpha = 0.1 * Math.sqrt(1 - Math.pow(Adam.BETA2, t)) / (1 - Math.pow(Adam.BETA1, t));
            for (int i = 0; i < 4; i++) {
                double g = gradients[t - 1][i];
                m[i] = Adam.BETA1 * m[i] + (1 - Adam.BETA1) * g;
                v[i] = Adam.BETA2 * v[i] + (1 - Adam.BETA2) * g * g;
                p[i] -= alpha * m[i] / (Math.sqrt(v[i]) + Adam.EPSILON);
            }
        }
        assertArrayEquals(p, parameter.toDoubleVector(), 1e-5);
        assertEquals(2 * 4 * Float.BYTES, memory.bytes(MemoryCategory.OPTIMIZER_STATE), "two moments of 4 floats");
        memory.releaseAll();
    }

    /** Weight decay (g + lambda p) and a schedule's factor on the rate, both inside the fused pass. */
    @Test
    void weightDecayAndTheSchedulesFactorMatchTheReferenceRule() {
        PersistentMemory memory = new PersistentMemory();
        INDArray parameter = memory.of(MemoryCategory.PARAMETERS, new float[] {0.5f, -1.0f, 2.0f, 0.0f}, 1, 4);
        double decay = 0.05;
        Adam optimizer = new Adam(0.1, decay);
        Optimizer.Updater adam = optimizer.attach(parameter, memory);
        double[][] gradients = {{1, -2, 0.5, 0}, {0.3, 0.1, -4, 1}, {-1, 1, 1, -1}};
        double[] factors = {1.0, 0.5, 0.25};

        double[] p = {0.5, -1.0, 2.0, 0.0};
        double[] m = new double[4];
        double[] v = new double[4];
        for (int t = 1; t <= gradients.length; t++) {
            optimizer.scaleLearningRate(factors[t - 1]);
            adam.step(Nd4j.createFromArray(toFloat(gradients[t - 1])).reshape(1, 4));
            double alpha = factors[t - 1] * 0.1 * Math.sqrt(1 - Math.pow(Adam.BETA2, t)) / (1 - Math.pow(Adam.BETA1, t));
            for (int i = 0; i < 4; i++) {
                double g = gradients[t - 1][i] + decay * p[i];
                m[i] = Adam.BETA1 * m[i] + (1 - Adam.BETA1) * g;
                v[i] = Adam.BETA2 * v[i] + (1 - Adam.BETA2) * g * g;
                p[i] -= alpha * m[i] / (Math.sqrt(v[i]) + Adam.EPSILON);
            }
        }
        assertArrayEquals(p, parameter.toDoubleVector(), 1e-5);
        memory.releaseAll();
    }

    @Test
    void sgdWithDecayAndFactorSubtractsTheScaledDecayedGradient() {
        PersistentMemory memory = new PersistentMemory();
        INDArray parameter = memory.of(MemoryCategory.PARAMETERS, new float[] {1f, 2f}, 1, 2);
        Sgd sgd = new Sgd(0.5, 0.1);
        sgd.scaleLearningRate(0.5);
        sgd.attach(parameter, memory).step(Nd4j.createFromArray(new float[] {2f, -4f}).reshape(1, 2));
        // p - 0.25 (g + 0.1 p): 1 - 0.25 x 2.1 = 0.475; 2 - 0.25 x (-3.8) = 2.95
        assertArrayEquals(new double[] {0.475, 2.95}, parameter.toDoubleVector(), 1e-6);
        memory.releaseAll();
    }

    @Test
    void cooldownIsOneUntilItsShareOfTheStepsThenFallsLinearly() {
        LearningRateSchedule cooldown = new LearningRateSchedule("cooldown", 0.5);
        assertEquals(1.0, cooldown.factor(0, 100));
        assertEquals(1.0, cooldown.factor(50, 100));
        assertEquals(0.5, cooldown.factor(75, 100), 1e-12);
        assertEquals(0.02, cooldown.factor(99, 100), 1e-12, "the last step still moves");
        assertEquals(1.0, new LearningRateSchedule("constant", 0.5).factor(99, 100));
        assertEquals(0.25, new LearningRateSchedule("cooldown", 1.0).factor(75, 100), 1e-12);
    }

    @Test
    void sgdSubtractsTheScaledGradient() {
        PersistentMemory memory = new PersistentMemory();
        INDArray parameter = memory.of(MemoryCategory.PARAMETERS, new float[] {1f, 2f}, 1, 2);
        new Sgd(0.5).attach(parameter, memory).step(Nd4j.createFromArray(new float[] {2f, -4f}).reshape(1, 2));
        assertArrayEquals(new double[] {0.0, 4.0}, parameter.toDoubleVector(), 1e-7);
        assertEquals(0, memory.bytes(MemoryCategory.OPTIMIZER_STATE));
        memory.releaseAll();
    }

    private static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
