package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each FF Base training option on its own: the same seed gives the same accuracy, losses and memory
 * bytes twice, and real training on mnist-sample's digits (784-100-100, two epochs of 128-image steps,
 * a few hundred steps in all) beats chance (10 %) clearly: more than three times it.
 */
class FfBaseOptionsTest {

    /** "field=value" pairs separated by ';'. */
    private static Map<String, String> options(String text) {
        Map<String, String> options = new HashMap<>();
        for (String pair : text.split(";")) {
            options.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return options;
    }


    @ParameterizedTest
    @ValueSource(strings = {
            "batchSize=32",
            "learningRateSchedule=cooldown;coolDownFraction=0.5",
            "peerNormalization=0.03",
            "weightDecay=0.0001",
            "readout=goodness-all",
            "readout=softmax",
            "readout=softmax-all;schedule=simultaneous"})
    void sameSeedGivesTheSameNumbersAndBytes(String text) {
        Map<String, String> overrides = options(text);
        overrides.put("epochs", "2");
        ExperimentSpec spec = Specs.small("ff-base", 3, overrides);
        ExperimentResult first = ExperimentRunner.engine().run(spec);
        ExperimentResult second = ExperimentRunner.engine().run(spec);
        assertEquals(first.testAccuracy(), second.testAccuracy(), text);
        assertEquals(first.trainAccuracy(), second.trainAccuracy(), text);
        assertEquals(first.losses(), second.losses(), text);
        assertEquals(first.memory().trainingPeak(), second.memory().trainingPeak(), text);
        assertEquals(first.memory().evaluationPeak(), second.memory().evaluationPeak(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "batchSize=32",
            "learningRateSchedule=cooldown;coolDownFraction=0.5",
            "peerNormalization=0.03",
            "weightDecay=0.0001",
            "readout=goodness-all",
            "readout=softmax",
            "readout=softmax-all;schedule=simultaneous"})
    void learnsTheDigits(String text) {
        Map<String, String> spec = new HashMap<>(Map.of("algorithm", "ff-base", "dataset", "mnist-sample",
                "depth", "2", "width", "100", "epochs", "2", "batchSize", "128"));
        spec.putAll(options(text));
        ExperimentResult result = ExperimentRunner.engine().run(Specs.with(spec));
        // three times chance after ~125 steps per layer: learning, not a tie or a collapse (the accuracy
        // targets belong to the benchmark command, docs/benchmarks.md)
        assertTrue(result.testAccuracy() > 0.3, text + ": FF Base test accuracy " + result.testAccuracy());
        assertEquals(spec.getOrDefault("readout", "softmax-all"), result.spec().options().text("readout"),
                "the readout (set or default) is recorded in the result");
        Map<String, String> set = options(text);
        if (set.containsKey("batchSize")) {
            assertEquals(Integer.parseInt(set.remove("batchSize")), result.spec().batchSize(), "the batch size set is the one trained");
        }
        assertTrue(result.spec().options().values().keySet().containsAll(set.keySet()),
                "every option set is recorded: " + result.spec().options().values());
    }
}
