package dev.ffbench.nn;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam (Kingma and Ba) in one fused Java pass per parameter array: both moments and the parameter are
 * updated in place, element by element, with no temporaries (ND4J's AdamUpdater op followed by a
 * subtraction took two passes and was slower, see README). The form is the paper's efficient one, in
 * float32 as ND4J's kernel computes it: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * parameter -= alpha_t m / (sqrt(v) + epsilon) with alpha_t = lr sqrt(1 - b2^t) / (1 - b1^t).
 */
public final class Adam implements Optimizer {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final double learningRate;

    public Adam(double learningRate) {
        this.learningRate = learningRate;
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
                double alpha = learningRate * Math.sqrt(1 - Math.pow(BETA2, iteration)) / (1 - Math.pow(BETA1, iteration));
                update(Floats.of(parameter), Floats.of(Floats.rowMajor(gradient)), Floats.of(m), Floats.of(v),
                        (float) alpha, 0, (int) parameter.length());
            }

            @Override
            public void release(PersistentMemory memory) {
                memory.release(m);
                memory.release(v);
            }
        };
    }

    /** One Adam step on elements {@code from..to} of the parameter, its gradient and both moments. */
    static void update(FloatBuffer parameter, FloatBuffer gradient, FloatBuffer m, FloatBuffer v, float alpha,
            int from, int to) {
        float beta1 = (float) BETA1;
        float beta2 = (float) BETA2;
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        float epsilon = (float) EPSILON;
        for (int i = from; i < to; i++) {
            float g = gradient.get(i);
            float mi = beta1 * m.get(i) + g * oneMinusBeta1;
            float vi = beta2 * v.get(i) + g * g * oneMinusBeta2;
            m.put(i, mi);
            v.put(i, vi);
            parameter.put(i, parameter.get(i) - mi * alpha / ((float) Math.sqrt(vi) + epsilon));
        }
    }
}
