package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam's fused kernel (with weight decay and a schedule's factor) against the update rule in double precision;
 * its flush of subnormal moments; SGD; the schedule.
 */
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

    /** A flush step zeroes the subnormal moments and only those; other steps leave them as computed. */
    @Test
    void aFlushStepZeroesSubnormalMomentsAndOnlyThose() {
        float subnormal = Float.MIN_NORMAL / 4;
        float[] firstMoments = {subnormal, 1e-3f, -subnormal, Float.MIN_NORMAL};
        float[] secondMoments = {subnormal, 1e-6f, 0f, Float.MIN_NORMAL};
        for (boolean flush : new boolean[] {true, false}) {
            FloatBuffer p = buffer(new float[] {0.5f, -1f, 2f, 0.25f});
            FloatBuffer m = buffer(firstMoments);
            FloatBuffer v = buffer(secondMoments);
            Adam.update(p, buffer(new float[4]), m, v, 0.001f, 0f, 0, 4, flush);
            float decayed = (float) Adam.BETA1 * subnormal;
            assertEquals(flush ? 0f : decayed, m.get(0), "a dead weight's subnormal first moment");
            assertEquals(flush ? 0f : -decayed, m.get(2));
            assertEquals((float) Adam.BETA1 * 1e-3f, m.get(1), "a normal moment is untouched");
            assertEquals(flush ? 0f : (float) Adam.BETA2 * subnormal, v.get(0), "a subnormal second moment");
            assertEquals(flush ? 0f : (float) Adam.BETA1 * Float.MIN_NORMAL, m.get(3),
                    "a moment that decays below the normal floats in this step");
        }
    }

    /**
     * Training with a third of the units dead (their gradient 0 after step 20) for 20 flush periods: the
     * weights are the same to the bit as without any flush, and the dead weights' moments end at zero, not
     * stuck among the smallest subnormals.
     */
    @Test
    void flushingChangesNoWeightAndLeavesDeadMomentsAtZero() {
        int n = 3 * 2048 + 7;
        int steps = 20 * Adam.FLUSH_EVERY;
        float[][] finalWeights = new float[2][];
        FloatBuffer deadMoments = null;
        for (int run = 0; run < 2; run++) {
            SplittableRandom random = new SplittableRandom(7);
            float[] start = new float[n];
            for (int i = 0; i < n; i++) {
                start[i] = (float) (random.nextDouble() - 0.5) * 0.1f;
            }
            FloatBuffer p = buffer(start);
            FloatBuffer m = buffer(new float[n]);
            FloatBuffer v = buffer(new float[n]);
            float[] gradient = new float[n];
            for (int t = 1; t <= steps; t++) {
                for (int i = 0; i < n; i++) {
                    boolean dead = i % 3 == 0 && t > 20;
                    gradient[i] = dead ? 0f : (float) (random.nextDouble() - 0.5) * 1e-3f;
                }
                boolean flush = run == 0 && t % Adam.FLUSH_EVERY == 0;
                Adam.update(p, buffer(gradient), m, v, 0.001f, 0f, 0, n, flush);
            }
            finalWeights[run] = new float[n];
            p.get(0, finalWeights[run]);
            if (run == 0) {
                deadMoments = m;
            } else {
                float stuck = Math.abs(m.get(0));
                assertTrue(stuck > 0 && stuck < Float.MIN_NORMAL, "without a flush the moment sticks among the subnormals: " + stuck);
            }
        }
        assertArrayEquals(finalWeights[1], finalWeights[0], "the same weights to the bit");
        for (int i = 0; i < n; i += 3) {
            assertEquals(0f, deadMoments.get(i), "dead weight " + i + "'s first moment");
        }
    }

    private static FloatBuffer buffer(float[] values) {
        FloatBuffer buffer = ByteBuffer.allocateDirect(values.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        buffer.put(0, values);
        return buffer;
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
