package dev.ffbench.goodness;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hinton's loss around a threshold: mean over rows of softplus(-(g - theta)) for positives and
 * softplus(g - theta) for negatives. Computed in one Java loop over the goodness column, in double
 * precision (the column has one value per row: a native call per operation would cost more than the
 * arithmetic).
 */
public final class ThresholdLoss implements LayerLoss {
    private final double threshold;

    public ThresholdLoss(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public Value of(INDArray goodness) {
        int rows = (int) goodness.rows();
        INDArray grad = goodness.ulike();
        return new Value(lossAndGradient(new Column(goodness), new Column(grad), rows, threshold), grad);
    }

    /**
     * The mean loss over the rows (positives first), writing dL/dg into {@code dg}. A method of its own
     * so that the JIT compiles the loop alone, without ND4J's allocation path inlined around it.
     */
    private static double lossAndGradient(Column g, Column dg, int rows, double threshold) {
        int positives = rows / 2;
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            // s = -1 for positive rows, +1 for negative rows: a = s * (g - theta), dL/dg = s * sigmoid(a) / rows
            double sign = r < positives ? -1 : 1;
            double a = sign * (g.get(r) - threshold);
            loss += Column.softplus(a);
            dg.set(r, sign * Column.sigmoid(a) / rows);
        }
        return loss / rows;
    }
}
