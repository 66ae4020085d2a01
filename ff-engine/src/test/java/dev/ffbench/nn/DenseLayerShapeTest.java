package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ffbench.io.Problem;
import org.junit.jupiter.api.Test;

/** A layer whose weights do not fit one Java array is refused as a problem with its size, before any allocation. */
class DenseLayerShapeTest {
    private static final String AT_MOST = "at most 2,147,483,639 weights per layer (the kernels index a layer's weights"
            + " with a Java int)";

    @Test
    void aLayerTooLargeForOneJavaArrayIsAProblemNamingItsShapeAndWeights() {
        assertEquals(Problem.found("a layer of 784 x 3000000", "has 2,352,000,000 weights", AT_MOST),
                DenseLayer.shapeProblem(784, 3_000_000));
        assertNull(DenseLayer.shapeProblem(46_340, 46_340), "2,147,395,600 weights fit");
    }

    @Test
    void aHiddenLayerTooLargeIsTheWidthsProblem() {
        assertEquals(Problem.found("width", "is 40000: a layer of 80000 x 40000 has 3,200,000,000 weights", AT_MOST),
                DenseLayer.widthProblem(40_000, 80_000, 40_000));
        assertNull(DenseLayer.widthProblem(16, 32, 16));
    }
}
