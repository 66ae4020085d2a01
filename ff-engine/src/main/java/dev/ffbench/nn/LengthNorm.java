package dev.ffbench.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Row-wise length normalization to a fixed length sqrt(n) for rows of n values (unit root mean
 * square, no mean subtraction), so that a layer cannot read the previous layer's goodness off the
 * length of its input. The length sqrt(n) rather than 1 is what Hinton's reference code uses: it
 * keeps a fresh layer's sum-of-squares goodness near its threshold (the number of units), and on
 * mnist-sample it took FF Base from 2 % to 90 % test accuracy in 10 epochs. n = x / s with
 * s = ||x|| / sqrt(n) + EPSILON: one norm reduction and no temporary the size of x; the epsilon
 * keeps an all-zero row (every ReLU off) at zero instead of NaN and shifts the derivative by a
 * relative 1e-8, below float precision.
 */
public final class LengthNorm {
    public static final double EPSILON = 1e-8;

    private LengthNorm() {}

    /**
     * 1 / s for a row of {@code n} values whose squares sum to {@code sumOfSquares}: what the fused kernels
     * multiply a product row by instead of normalizing the row itself, since (x / s) W = (x W) / s.
     */
    public static float inverseScale(double sumOfSquares, int n) {
        return (float) (1.0 / (Math.sqrt(sumOfSquares) / Math.sqrt(n) + EPSILON));
    }

    /** The normalized rows (rows x n) and their scales s (rows x 1). */
    public record Normalized(INDArray rows, INDArray scales) {}

    /** Normalizes each row of {@code x} (rows x n) into new arrays in the current workspace. */
    public static Normalized forward(INDArray x) {
        INDArray scales = x.norm2(true, 1).divi(Math.sqrt(x.columns())).addi(EPSILON);
        return new Normalized(x.divColumnVector(scales), scales);
    }

    /**
     * dL/dx = (dL/dn - n * rowsum(n * dL/dn) / columns) / s.
     *
     * @param gradRows (rows x n), dL/d(normalized rows)
     * @return (rows x n), a new array
     */
    public static INDArray backward(Normalized normalized, INDArray gradRows) {
        INDArray n = normalized.rows();
        INDArray projection = n.mul(gradRows).sum(true, 1).divi(n.columns());
        return gradRows.sub(n.mulColumnVector(projection)).diviColumnVector(normalized.scales());
    }
}
