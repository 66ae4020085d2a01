package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.Relu;
import dev.ffbench.nn.Sgd;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A user's algorithm as short as one can be: one dense layer with a local loss (the mean squared
 * activity, pushed down by SGD), a step and a predictor, no loop and no bookkeeping. Its step holds the
 * batch (n x inputs), the activations (n x width), their squares and the loss's scalar, their gradient
 * (n x width), the bias gradient's column sum (1 x width) and {@code extraArrays} more activation-sized
 * arrays, so its ledger can be asserted to the byte. Predicts the unit among the first K with the
 * highest activity.
 */
public final class TinyLocalAlgorithm implements Algorithm {
    static final Option<Integer> EXTRA_ARRAYS = Option.integer("extraArrays", 0,
            "activation-sized arrays a step keeps beyond what it needs (a memory regression on demand)").atLeast(0);

    public String name() { return "tiny-local"; }

    public String description() { return "one dense layer, local loss, SGD: a test of the ledger"; }

    public List<Option<?>> options() { return List.of(EXTRA_ARRAYS); }

    public Model build(ModelContext context) {
        DenseLayer dense = new DenseLayer(context.memory(), context.inputSize(), context.spec().width(), context.random());
        int extraArrays = EXTRA_ARRAYS.of(context.spec());
        return new Model() {
            public List<TrainingPhase> trainingPhases() {
                return List.of(new TrainingPhase() {
                    LayerTraining training;
                    public String name() { return "all layers"; }
                    public void start() { training = LayerTraining.start(dense, context.memory(), new Sgd(context.learningRate())); }
                    public StepLoss step(Batch batch) {
                        INDArray x = batch.pixels();
                        INDArray z = Relu.forwardInPlace(dense.forward(x));
                        double loss = z.mul(z).meanNumber().doubleValue();
                        for (int e = 0; e < extraArrays; e++) {
                            z.dup();
                        }
                        dense.parameterGradients(x, z.mul(2.0 / z.length()), training.gradients());
                        training.step();
                        return StepLoss.of(loss);
                    }
                    public void finish() { training.release(context.memory()); }
                });
            }

            public int[] predict(Batch batch) {
                INDArray z = dense.forward(batch.pixels());
                return z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, context.classes())).argMax(1).toIntVector();
            }
        };
    }
}
