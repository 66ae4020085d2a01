package dev.ffbench.goodness;

import dev.ffbench.nn.Floats;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A goodness that is a constant multiple of the sum of squares: g = c(units) * sum_j h_j^2 per row, so
 * dg/dh_j = 2 c h_j. The FF engine computes such a goodness inside its fused layer kernels (ReLU,
 * the row sums of squares and the gradient in one pass over the activations, and no ReLU mask: the
 * derivative is already 0 where a ReLU is off) instead of calling {@link #value} and {@link #gradient};
 * both must therefore compute exactly c * sum of squares and its derivative (a test checks the
 * built-ins). Other goodness functions take the general path through the two methods.
 */
public interface QuadraticGoodness extends GoodnessFunction {

    /** c for a layer of {@code units} units: 1 for the sum of squares, 1 / units for the mean. */
    double coefficient(int units);

    /**
     * The goodness of each row from the row sums of squares the fused kernels already computed: g = c * s,
     * with no pass over the activations.
     *
     * @param squares (rows x 1) float, each row's sum of squares of a layer of {@code units} units
     * @return (rows x 1) float, a new array in the current workspace
     */
    default INDArray valueFromSquares(INDArray squares, int units) {
        double coefficient = coefficient(units);
        int rows = (int) squares.rows();
        INDArray values = Nd4j.createUninitialized(DataType.FLOAT, rows, 1);
        scale(Floats.of(squares), Floats.of(values), rows, coefficient);
        return values;
    }

    /**
     * to[r] = c * from[r]. The loop has a method of its own so that the JIT compiles it alone, not with
     * ND4J's allocation path inlined around it (which made this one of the costliest C2 compilations).
     */
    private static void scale(FloatBuffer from, FloatBuffer to, int rows, double coefficient) {
        for (int r = 0; r < rows; r++) {
            to.put(r, (float) (coefficient * from.get(r)));
        }
    }
}
