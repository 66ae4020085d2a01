package dev.ffbench.sample;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.Option;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.LayerTraining;
import dev.ffbench.nn.PixelBatch;
import dev.ffbench.nn.Relu;
import dev.ffbench.nn.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A one-layer model with a local loss (the mean squared activity, pushed down by SGD), built only
 * from the public building blocks, whose every allocation is known: a step holds the batch (n x
 * inputs), the activations (n x width), their squares and the loss's scalar, their gradient (n x
 * width), the bias gradient's column sum (1 x width) and {@code extraArrays} more activation-sized
 * arrays; so its ledger can be asserted to the byte. Predicts the unit among the first K with the
 * highest activity.
 */
public final class TinyLocalAlgorithm implements Algorithm {
    static final Option EXTRA_ARRAYS = Option.integer("extraArrays", 0,
            "activation-sized arrays a step keeps beyond what it needs (a memory regression on demand)").atLeast(0);

    @Override
    public String name() {
        return "tiny-local";
    }

    @Override
    public String description() {
        return "one dense layer, local loss, SGD: a test of the ledger";
    }

    @Override
    public List<Option> options() {
        return List.of(EXTRA_ARRAYS);
    }

    @Override
    public Model build(ModelContext context) {
        return new TinyModel(context);
    }

    private static final class TinyModel extends MeasuredModel {
        private final ModelContext context;
        private final DenseLayer dense;
        private final int extraArrays;

        TinyModel(ModelContext context) {
            super(context.memory());
            this.context = context;
            this.dense = new DenseLayer(memory, context.inputSize(), context.spec().width(),
                    new SplittableRandom(context.spec().seed()));
            this.extraArrays = context.spec().options().integer(EXTRA_ARRAYS.name());
        }

        @Override
        public List<EpochLoss> train(ImageSet train) {
            LayerTraining training = LayerTraining.start(dense, memory, new Sgd(context.learningRate()));
            List<EpochLoss> losses = new ArrayList<>();
            int batch = context.spec().batchSize();
            try (TransientMemory transientMemory = new TransientMemory("tiny-train")) {
                for (int epoch = 1; epoch <= context.spec().epochs(); epoch++) {
                    int steps = PixelBatch.stepsPerEpoch(train.count(), batch, context.spec().maxStepsPerEpoch());
                    double sum = 0;
                    for (int step = 0; step < steps; step++) {
                        int count = Math.min(batch, train.count() - step * batch);
                        try (MemoryWorkspace ignored = transientMemory.step()) {
                            INDArray x = rows(train, step * batch, count);
                            INDArray z = Relu.forwardInPlace(dense.forward(x));
                            sum += z.mul(z).meanNumber().doubleValue();
                            INDArray gradZ = z.mul(2.0 / z.length());
                            for (int e = 0; e < extraArrays; e++) {
                                Nd4j.createUninitialized(z.dataType(), z.shape()).assign(z);
                            }
                            dense.parameterGradients(x, gradZ, training.gradients());
                            training.step();
                        }
                        countTrainingImages(count);
                    }
                    losses.add(new EpochLoss(epoch, 1, sum / steps));
                }
                recordPhase("all layers", transientMemory);
            }
            training.release(memory);
            return losses;
        }

        @Override
        public int[] predict(ImageSet images) {
            return evaluate(images, context.spec().batchSize(), (order, start, count, transientMemory) -> {
                INDArray z = dense.forward(rows(images, start, count));
                INDArray firstK = z.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, context.classes()));
                return firstK.argMax(1).toIntVector();
            });
        }

        private static INDArray rows(ImageSet set, int start, int count) {
            int pixels = set.pixelsPerImage();
            float[] values = new float[count * pixels];
            for (int i = 0; i < count; i++) {
                PixelBatch.write(set, start + i, values, i * pixels);
            }
            return PixelBatch.toArray(values, count, pixels);
        }
    }
}
