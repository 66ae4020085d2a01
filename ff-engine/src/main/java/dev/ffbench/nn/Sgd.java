package dev.ffbench.nn;

import dev.ffbench.memory.PersistentMemory;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain stochastic gradient descent: no state. */
public final class Sgd implements Optimizer {
    private final double learningRate;

    public Sgd(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public Updater attach(INDArray parameter, PersistentMemory memory) {
        return new Updater() {
            @Override
            public void step(INDArray gradient) {
                parameter.subi(gradient.muli(learningRate));
            }

            @Override
            public void release(PersistentMemory memory) {}
        };
    }
}
