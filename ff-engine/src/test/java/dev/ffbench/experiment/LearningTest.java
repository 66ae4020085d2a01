package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real training on the real digits of mnist-sample, within a CI budget: each algorithm must clearly
 * beat chance (10 %). The accuracy targets themselves (backprop >= 95 %, FF >= 90 %) belong to the
 * benchmark command in docs/benchmarks.md, not to a test.
 */
class LearningTest {

    private static ExperimentResult train(String algorithm, int epochs) {
        return train(algorithm, epochs, Map.of());
    }

    private static ExperimentResult train(String algorithm, int epochs, Map<String, String> overrides) {
        Map<String, String> spec = new java.util.HashMap<>(Map.of(
                "algorithm", algorithm, "dataset", "mnist-sample", "depth", "2", "width", "200",
                "epochs", Integer.toString(epochs), "batchSize", "128"));
        spec.putAll(overrides);
        return ExperimentRunner.engine().run(Specs.with(spec));
    }

    static java.util.List<String> goodnessFunctions() {
        return Extensions.engine().goodnessNames();
    }

    @Test
    void backpropLearnsTheDigits() {
        ExperimentResult result = train("backprop", 2);
        assertTrue(result.testAccuracy() > 0.85, "backprop test accuracy " + result.testAccuracy());
    }

    @ParameterizedTest
    @MethodSource("goodnessFunctions")
    void ffBaseLearnsTheDigitsWithEveryGoodnessFunction(String goodness) {
        ExperimentResult result = train("ff-base", 2, Map.of("goodness", goodness));
        assertTrue(result.testAccuracy() > 0.5, goodness + ": FF Base test accuracy " + result.testAccuracy());
    }

    @Test
    void ffRecurrentLearnsTheDigits() {
        ExperimentResult result = train("ff-recurrent", 2, Map.of("goodness", "symba", "width", "100"));
        assertTrue(result.testAccuracy() > 0.5, "FF Recurrent test accuracy " + result.testAccuracy());
    }

    @Test
    void ffBaseLearnsTheDigits() {
        ExperimentResult result = train("ff-base", 3);
        assertTrue(result.testAccuracy() > 0.6, "FF Base test accuracy " + result.testAccuracy());
        var topLayer = result.losses().stream().filter(loss -> loss.layer() == 2).toList();
        assertTrue(topLayer.get(topLayer.size() - 1).loss() < topLayer.get(0).loss(),
                "the top layer's loss falls over the epochs: " + topLayer);
    }
}
