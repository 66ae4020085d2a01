package dev.ffbench.goodness;

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
}
