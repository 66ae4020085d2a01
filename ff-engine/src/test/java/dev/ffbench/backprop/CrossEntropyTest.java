package dev.ffbench.backprop;

import static dev.ffbench.nn.FiniteDifferences.assertGradient;
import static dev.ffbench.nn.FiniteDifferences.randomDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CrossEntropyTest {
    private final INDArray oneHot = Nd4j.createFromArray(new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}});

    @Test
    void gradientMatchesFiniteDifferences() {
        INDArray logits = randomDouble(21, 3, 3).muli(4);
        INDArray analytic = CrossEntropy.of(logits, oneHot).gradLogits();
        assertGradient(logits, () -> CrossEntropy.of(logits, oneHot).loss(), analytic, 1e-6);
    }

    @Test
    void lossIsMinusMeanLogProbabilityOfTheTrueClass() {
        INDArray logits = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0, 0, 0}, {1000, 0, -1000}});
        double row0 = -Math.log(Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
        double row1 = Math.log(3);
        double row2 = 2000; // true class at -1000 against 1000: stable, not Infinity
        assertEquals((row0 + row1 + row2) / 3, CrossEntropy.of(logits, oneHot).loss(), 1e-9);
    }
}
