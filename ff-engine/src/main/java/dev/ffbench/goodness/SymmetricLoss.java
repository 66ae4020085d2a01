package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SymBa's symmetric loss (Lee and Song, 2023): one loss over each positive and its negative,
 * mean over pairs of softplus(-alpha * (g_pos - g_neg)). No threshold; the gradients that push the
 * positive up and its negative down have the same size, which balances the two. Computed in one Java
 * loop over the goodness column, in double precision.
 */
public final class SymmetricLoss implements LayerLoss {
    private final double alpha;

    public SymmetricLoss(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Value of(INDArray goodness) {
        int pairs = (int) goodness.rows() / 2;
        INDArray grad = goodness.ulike();
        return new Value(lossAndGradient(new Column(goodness), new Column(grad), pairs, alpha), grad);
    }

    /**
     * The mean loss over the pairs, writing dL/dg into {@code dg}. A method of its own so that the JIT
     * compiles the loop alone, without ND4J's allocation path inlined around it.
     */
    private static double lossAndGradient(Column g, Column dg, int pairs, double alpha) {
        double loss = 0;
        for (int i = 0; i < pairs; i++) {
            double a = -alpha * (g.get(i) - g.get(pairs + i));
            loss += Column.softplus(a);
            // dL/dg_pos = -alpha * sigmoid(a) / pairs, dL/dg_neg = +alpha * sigmoid(a) / pairs
            double weight = alpha * Column.sigmoid(a) / pairs;
            dg.set(i, -weight);
            dg.set(pairs + i, weight);
        }
        return loss / pairs;
    }
}
