package dev.ffbench.nn;

import dev.ffbench.memory.PersistentMemory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Plain stochastic gradient descent: no state; optionally L2 weight decay (g + lambda p). */
public final class Sgd implements Optimizer {
    private final double learningRate;
    private final double weightDecay;
    private double factor = 1;

    public Sgd(double learningRate) {
        this(learningRate, 0);
    }

    /** @param weightDecay L2 coefficient lambda, as PyTorch SGD's weight_decay; 0: none */
    public Sgd(double learningRate, double weightDecay) {
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
    }

    @Override
    public void scaleLearningRate(double factor) {
        this.factor = factor;
    }

    @Override
    public Updater attach(INDArray parameter, PersistentMemory memory) {
        return new Updater() {
            @Override
            public void step(INDArray gradient) {
                if (weightDecay != 0) {
                    Nd4j.getBlasWrapper().level1().axpy(parameter.length(), weightDecay, parameter, gradient);
                }
                parameter.subi(gradient.muli(factor * learningRate));
            }

            @Override
            public void release(PersistentMemory memory) {}
        };
    }
}
