package dev.ffbench.goodness;

import dev.ffbench.experiment.Extensions;
import static dev.ffbench.nn.FiniteDifferences.assertGradient;
import static dev.ffbench.nn.FiniteDifferences.randomDouble;
import static dev.ffbench.nn.FiniteDifferences.weightedSum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class GoodnessGradientTest {

    static java.util.List<String> names() {
        return Extensions.engine().goodnessNames();
    }

    @ParameterizedTest
    @MethodSource("names")
    void gradientMatchesFiniteDifferences(String name) {
        GoodnessFunction goodness = Extensions.engine().goodness(name);
        INDArray h = randomDouble(11, 4, 6);
        INDArray weights = randomDouble(12, 4, 1);
        INDArray analytic = goodness.gradient(h, weights);
        assertGradient(h, () -> weightedSum(weights, goodness::value, h), analytic, 1e-6);
    }

    /** The engine computes a quadratic goodness in its own kernels: value and gradient must be exactly c * sum h^2. */
    @ParameterizedTest
    @MethodSource("names")
    void quadraticGoodnessIsItsCoefficientTimesTheSumOfSquares(String name) {
        GoodnessFunction goodness = Extensions.engine().goodness(name);
        if (!(goodness instanceof QuadraticGoodness quadratic)) {
            return;
        }
        INDArray h = randomDouble(14, 4, 6);
        INDArray weights = randomDouble(15, 4, 1);
        double c = quadratic.coefficient(6);
        INDArray squares = h.mul(h).sum(true, 1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(squares.muli(c).toDoubleVector(),
                goodness.value(h).toDoubleVector(), 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(h.mulColumnVector(weights).muli(2 * c).ravel().toDoubleVector(),
                goodness.gradient(h, weights).ravel().toDoubleVector(), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("names")
    void valueIsOneColumnPerRow(String name) {
        INDArray h = randomDouble(13, 5, 3);
        INDArray value = Extensions.engine().goodness(name).value(h);
        assertEquals(5, value.rows());
        assertEquals(1, value.columns());
    }
}
