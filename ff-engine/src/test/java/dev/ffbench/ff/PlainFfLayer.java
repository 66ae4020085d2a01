package dev.ffbench.ff;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.Relu;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The plain computation an FF layer step must equal, in double precision with one unfused ND4J op per
 * formula: normalize each row, x W + b, ReLU, goodness, loss, dL/dh from the goodness function, the
 * ReLU mask, dW = normalized^T dz, db = column sums of dz.
 */
final class PlainFfLayer {
    private PlainFfLayer() {}

    /** A layer step's results: activations, loss and parameter gradients, all double. */
    record Step(INDArray activations, double loss, INDArray weightGradient, INDArray biasGradient) {}

    static INDArray activations(INDArray rows, INDArray weights, INDArray bias) {
        INDArray normalized = LengthNorm.forward(rows.castTo(DataType.DOUBLE)).rows();
        return Relu.forwardInPlace(normalized.mmul(weights.castTo(DataType.DOUBLE))
                .addiRowVector(bias.castTo(DataType.DOUBLE)));
    }

    static Step step(INDArray rows, INDArray weights, INDArray bias, LayerLoss layerLoss, GoodnessFunction goodness) {
        INDArray normalized = LengthNorm.forward(rows.castTo(DataType.DOUBLE)).rows();
        INDArray h = activations(rows, weights, bias);
        LayerLoss.Value loss = layerLoss.of(goodness.value(h));
        INDArray gradZ = Relu.backwardInPlace(h, goodness.gradient(h, loss.gradGoodness()));
        return new Step(h, loss.loss(), normalized.transpose().mmul(gradZ), gradZ.sum(true, 0));
    }

    /** An optimizer that only records the gradients it is given (weights, then bias) and changes nothing. */
    static final class Recording implements Optimizer {
        final List<INDArray> gradients = new ArrayList<>();

        @Override
        public Updater attach(INDArray parameter, PersistentMemory memory) {
            return new Updater() {
                @Override
                public void step(INDArray gradient) {
                    gradients.add(gradient.dup());
                }

                @Override
                public void release(PersistentMemory memory) {}
            };
        }
    }
}
