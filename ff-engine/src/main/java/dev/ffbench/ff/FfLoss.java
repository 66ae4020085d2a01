package dev.ffbench.ff;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The per-layer FF loss, mean over rows of softplus(s * (g - theta)), with s = -1 for positive rows
 * and +1 for negative ones. Softplus is evaluated as relu(a) + log1p(exp(-|a|)): ND4J's float
 * softplus overflows to Infinity above about 88.
 */
public final class FfLoss {
    private FfLoss() {}

    /** The mean loss and dL/dg per row (a column). */
    public record Value(double loss, INDArray gradGoodness) {}

    /** @param signs a column, -1 for positive rows and +1 for negative rows */
    public static Value of(INDArray goodness, INDArray signs, double threshold) {
        long rows = goodness.rows();
        INDArray a = goodness.sub(threshold).muli(signs);
        INDArray softplus = Transforms.log1p(Transforms.exp(Transforms.abs(a, true).negi(), false), false)
                .addi(Transforms.relu(a, true));
        double loss = softplus.sumNumber().doubleValue() / rows;
        INDArray grad = Transforms.sigmoid(a, false).muli(signs).divi(rows);
        return new Value(loss, grad);
    }
}
