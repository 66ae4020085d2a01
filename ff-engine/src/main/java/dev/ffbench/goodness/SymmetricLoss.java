package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SymBa's symmetric loss (Lee and Song, 2023): one loss over each positive and its negative,
 * mean over pairs of softplus(-alpha * (g_pos - g_neg)). No threshold; the gradients that push the
 * positive up and its negative down have the same size, which balances the two.
 */
public final class SymmetricLoss implements LayerLoss {
    private final double alpha;

    public SymmetricLoss(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Value of(INDArray goodness) {
        long rows = goodness.rows();
        long pairs = rows / 2;
        INDArray positives = goodness.get(Halves.first(rows));
        INDArray negatives = goodness.get(Halves.second(rows));
        INDArray a = positives.sub(negatives).muli(-alpha);
        double loss = StableSoftplus.of(a).sumNumber().doubleValue() / pairs;
        // dL/dg_pos = -alpha * sigmoid(a) / pairs, dL/dg_neg = +alpha * sigmoid(a) / pairs
        INDArray weight = Transforms.sigmoid(a, false).muli(alpha / pairs);
        INDArray grad = goodness.ulike();
        grad.get(Halves.first(rows)).assign(weight.neg());
        grad.get(Halves.second(rows)).assign(weight);
        return new Value(loss, grad);
    }
}
