package dev.ffbench.nn;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma and Ba), with ND4J's fused native kernel: it updates both moments in place and turns
 * the gradient into the update, so a step needs no temporaries. The form is the paper's efficient
 * one: update = lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon).
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
                Nd4j.exec(new AdamUpdater(gradient, v, m, learningRate, BETA1, BETA2, EPSILON, iteration++));
                parameter.subi(gradient);
            }

            @Override
            public void release(PersistentMemory memory) {
                memory.release(m);
                memory.release(v);
            }
        };
    }
}
