package dev.ffbench.ff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer's ReLU outputs with each row's sum of squares, computed in the same pass: the next layer's
 * length normalization needs exactly that sum, and a quadratic goodness is a multiple of it.
 *
 * @param values (rows x units) float32
 * @param squares (rows x 1) float32, sum_j values[r, j]^2
 */
record Activations(INDArray values, INDArray squares) {

    /** Uninitialized arrays for {@code rows} rows of {@code units} units, in the current workspace. */
    static Activations create(long rows, long units) {
        return new Activations(Nd4j.createUninitialized(DataType.FLOAT, rows, units),
                Nd4j.createUninitialized(DataType.FLOAT, rows, 1));
    }

    long rows() {
        return values.rows();
    }
}
