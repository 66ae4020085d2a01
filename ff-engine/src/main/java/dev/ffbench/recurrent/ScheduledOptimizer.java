package dev.ffbench.recurrent;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Adam;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.Parallel;
import dev.ffbench.nn.RowScratch;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The spec's optimizer (Adam or SGD) with a learning rate that can change between steps: the model sets
 * {@link #setFactor} (the schedule's multiplier, 0..1) before the layers step. Written for FF Recurrent
 * while {@link dev.ffbench.nn.Adam} had a fixed learning rate (Adam is invariant to the gradient's scale,
 * so a schedule cannot be applied by scaling the gradient); it repeats Adam's fused update with
 * alpha_t x factor. {@link dev.ffbench.nn.Optimizer#scaleLearningRate} now does the same for FF Base;
 * FF Recurrent keeps this class until its published figures are re-measured on the shared one. At factor 1 the update is, float for float, {@link dev.ffbench.nn.Adam}'s (tested),
 * and its state is the same two moments per parameter in the persistent ledger (same bytes).
 */
final class ScheduledOptimizer implements Optimizer {
    private final String name;
    private final double learningRate;
    private double factor = 1;

    /** @param name "adam" or "sgd" (the spec's optimizer) */
    ScheduledOptimizer(String name, double learningRate) {
        Optimizer.stateValuesPerParameter(name); // rejects an unknown name with the usual message
        this.name = name;
        this.learningRate = learningRate;
    }

    /** The multiplier of the learning rate for the following steps (1: the configured rate). */
    void setFactor(double factor) {
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException("learning-rate factor is " + factor + "; allowed: 0..1");
        }
        this.factor = factor;
    }

    double factor() {
        return factor;
    }

    @Override
    public Updater attach(INDArray parameter, PersistentMemory memory) {
        return name.equals("adam") ? adam(parameter, memory) : sgd(parameter);
    }

    private Updater sgd(INDArray parameter) {
        return new Updater() {
            @Override
            public void step(INDArray gradient) {
                parameter.subi(gradient.muli(learningRate * factor));
            }

            @Override
            public void release(PersistentMemory memory) {}
        };
    }

    private Updater adam(INDArray parameter, PersistentMemory memory) {
        INDArray m = memory.zeros(MemoryCategory.OPTIMIZER_STATE, parameter.shape());
        INDArray v = memory.zeros(MemoryCategory.OPTIMIZER_STATE, parameter.shape());
        return new Updater() {
            private int iteration;

            @Override
            public void step(INDArray gradient) {
                iteration++;
                // the same double expression as nn.Adam, then the schedule's factor (x 1 changes no bit)
                double alpha = learningRate * Math.sqrt(1 - Math.pow(Adam.BETA2, iteration))
                        / (1 - Math.pow(Adam.BETA1, iteration)) * factor;
                FloatBuffer p = Floats.of(parameter);
                FloatBuffer g = Floats.of(Floats.rowMajor(gradient));
                FloatBuffer first = Floats.of(m);
                FloatBuffer second = Floats.of(v);
                Parallel.forParts((int) parameter.length(), PARALLEL_VALUES,
                        (part, from, to) -> update(p, g, first, second, (float) alpha, from, to));
            }

            @Override
            public void release(PersistentMemory memory) {
                memory.release(m);
                memory.release(v);
            }
        };
    }

    /** Below this many values an update runs on the calling thread alone (as nn.Adam). */
    private static final int PARALLEL_VALUES = 1 << 16;

    /** Elements per chunk copied into Java arrays. */
    private static final int CHUNK = 2048;

    /** nn.Adam's fused update of elements {@code from..to}, through {@link RowScratch} rows 4-7 (SIMD loops). */
    private static void update(FloatBuffer parameter, FloatBuffer gradient, FloatBuffer m, FloatBuffer v, float alpha,
            int from, int to) {
        float beta1 = (float) Adam.BETA1;
        float beta2 = (float) Adam.BETA2;
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        float epsilon = (float) Adam.EPSILON;
        float[] p = RowScratch.row(4, CHUNK);
        float[] g = RowScratch.row(5, CHUNK);
        float[] m1 = RowScratch.row(6, CHUNK);
        float[] m2 = RowScratch.row(7, CHUNK);
        for (int start = from; start < to; start += CHUNK) {
            int length = Math.min(CHUNK, to - start);
            parameter.get(start, p, 0, length);
            gradient.get(start, g, 0, length);
            m.get(start, m1, 0, length);
            v.get(start, m2, 0, length);
            for (int i = 0; i < length; i++) {
                float gi = g[i];
                float mi = beta1 * m1[i] + gi * oneMinusBeta1;
                float vi = beta2 * m2[i] + gi * gi * oneMinusBeta2;
                m1[i] = mi;
                m2[i] = vi;
                p[i] = p[i] - mi * alpha / ((float) Math.sqrt(vi) + epsilon);
            }
            parameter.put(start, p, 0, length);
            m.put(start, m1, 0, length);
            v.put(start, m2, 0, length);
        }
    }
}
