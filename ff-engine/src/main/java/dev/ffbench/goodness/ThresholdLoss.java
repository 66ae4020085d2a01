package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Hinton's loss around a threshold: mean over rows of softplus(-(g - theta)) for positives and
 * softplus(g - theta) for negatives.
 */
public final class ThresholdLoss implements LayerLoss {
    private final double threshold;

    public ThresholdLoss(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public Value of(INDArray goodness) {
        long rows = goodness.rows();
        // s = -1 for positive rows, +1 for negative rows: a = s * (g - theta)
        INDArray signs = Nd4j.ones(goodness.dataType(), rows, 1);
        signs.get(Halves.first(rows)).assign(-1);
        INDArray a = goodness.sub(threshold).muli(signs);
        double loss = StableSoftplus.of(a).sumNumber().doubleValue() / rows;
        INDArray grad = Transforms.sigmoid(a, false).muli(signs).divi(rows);
        return new Value(loss, grad);
    }
}
