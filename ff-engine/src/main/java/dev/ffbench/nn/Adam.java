package dev.ffbench.nn;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam (Kingma and Ba) in one fused Java pass per parameter array: both moments and the parameter are
 * updated in place, element by element, with no temporaries (ND4J's AdamUpdater op followed by a
 * subtraction took two passes and was slower, see docs/performance.md). The form is the paper's efficient one, in
 * float32 as ND4J's kernel computes it: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * parameter -= alpha_t m / (sqrt(v) + epsilon) with alpha_t = lr sqrt(1 - b2^t) / (1 - b1^t).
 */
public final class Adam implements Optimizer {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double weightDecay;
    /** The schedule's factor on the learning rate for the next steps ({@link #scaleLearningRate}). */
    private double factor = 1;

    public Adam(double learningRate) {
        this(learningRate, 0);
    }

    /**
     * @param weightDecay L2 coefficient lambda: the gradient becomes g + lambda p before the moments (PyTorch
     *     Adam's weight_decay), on every parameter array this optimizer updates; 0 leaves g as it is
     */
    public Adam(double learningRate, double weightDecay) {
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    @Override
    public void scaleLearningRate(double factor) {
        this.factor = factor;
    }

    @Override
    public Updater attach(INDArray parameter, PersistentMemory memory) {
        INDArray m = memory.zeros(MemoryCategory.OPTIMIZER_STATE, parameter.shape());
        INDArray v = memory.zeros(MemoryCategory.OPTIMIZER_STATE, parameter.shape());
        return new Updater() {
            private int iteration;

            @Override
            public void step(INDArray gradient) {
                iteration++;
                double alpha = factor * learningRate * Math.sqrt(1 - Math.pow(BETA2, iteration)) / (1 - Math.pow(BETA1, iteration));
                FloatBuffer p = Floats.of(parameter);
                FloatBuffer g = Floats.of(Floats.rowMajor(gradient));
                FloatBuffer first = Floats.of(m);
                FloatBuffer second = Floats.of(v);
                boolean flush = iteration % FLUSH_EVERY == 0;
                Parallel.forParts((int) parameter.length(), PARALLEL_VALUES,
                        (part, from, to) -> update(p, g, first, second, (float) alpha, (float) weightDecay, from, to, flush));
            }

            @Override
            public void release(PersistentMemory memory) {
                memory.release(m);
                memory.release(v);
            }
        };
    }

    /** Below this many values an update runs on the calling thread alone. */
    private static final int PARALLEL_VALUES = 1 << 16;

    /** Elements per chunk copied into Java arrays (4 x 8 KB). */
    private static final int CHUNK = 2048;

    /**
     * Every how many steps the moments' subnormal values are set to zero. A weight whose gradient stays 0
     * (a unit that never fires) has its first moment decay by beta1 each step into the subnormal floats,
     * where it sticks (0.9 x m rounds back to m among the smallest few); the JVM cannot set the processor's
     * flush-to-zero mode, and every multiply that touches a subnormal is many times slower, so a net with
     * dead units slowed down for good once their moments got there (docs/performance.md). Once zero, such
     * a moment stays zero (0.9 x 0 + 0.1 x 0), so a flush every 64 steps keeps it out of the subnormals
     * but for at most 64 steps per decay, for one pass over a chunk already in cache per 64 steps. A
     * subnormal moment moves its weight by less than 1e-30: no weight of a size a net uses changes.
     */
    static final int FLUSH_EVERY = 64;

    /**
     * One Adam step on elements {@code from..to} of the parameter, its gradient and both moments, chunk
     * by chunk through Java arrays ({@link RowScratch} rows 4-7), where the loop compiles to SIMD. With a
     * weight decay the gradient is g + decay p (an added multiply-add in the same pass). With
     * {@code flush}, subnormal moments are then set to zero ({@link #FLUSH_EVERY}), in a loop of its own
     * so that the update's loop stays free of branches.
     */
    static void update(FloatBuffer parameter, FloatBuffer gradient, FloatBuffer m, FloatBuffer v, float alpha,
            float decay, int from, int to, boolean flush) {
        float beta1 = (float) BETA1;
        float beta2 = (float) BETA2;
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        float epsilon = (float) EPSILON;
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
                float gi = g[i] + decay * p[i];
                float mi = beta1 * m1[i] + gi * oneMinusBeta1;
                float vi = beta2 * m2[i] + gi * gi * oneMinusBeta2;
                m1[i] = mi;
                m2[i] = vi;
                p[i] = p[i] - mi * alpha / ((float) Math.sqrt(vi) + epsilon);
            }
            if (flush) {
                flushSubnormals(m1, length);
                flushSubnormals(m2, length);
            }
            parameter.put(start, p, 0, length);
            m.put(start, m1, 0, length);
            v.put(start, m2, 0, length);
        }
    }

    /** Sets values[0..length) that are subnormal (0 < |x| < Float.MIN_NORMAL) to zero. */
    static void flushSubnormals(float[] values, int length) {
        for (int i = 0; i < length; i++) {
            if (Math.abs(values[i]) < Float.MIN_NORMAL) {
                values[i] = 0f;
            }
        }
    }
}
