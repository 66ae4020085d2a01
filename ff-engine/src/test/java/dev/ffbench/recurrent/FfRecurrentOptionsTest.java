package dev.ffbench.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.Specs;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FF Recurrent's training options (docs/engine-cli.md, Spec fields): each one deterministic for a seed, each one
 * leaving the memory ledger as it was, each one learning real digits.
 */
class FfRecurrentOptionsTest {

    /**
     * Real digits within a CI budget: width 64, 2 epochs of 4 steps of 200 images, 4 iterations; batches
     * of 200 also keep the evaluation of both splits (10 labels x 3 time steps per image) short.
     */
    private static ExperimentResult digits(Map<String, String> options) {
        Map<String, String> spec = new HashMap<>(Map.of("algorithm", FfRecurrent.NAME, "dataset", "mnist-sample",
                "depth", "2", "width", "64", "epochs", "2", "batchSize", "200", "maxStepsPerEpoch", "4",
                "iterations", "4", "scoreFrom", "2", "scoreTo", "3"));
        spec.putAll(options);
        return ExperimentRunner.engine().run(Specs.with(spec));
    }

    @Test
    void theDefaultsAreTheMeasuredOnes() {
        ExperimentSpec spec = Specs.with(Map.of("algorithm", FfRecurrent.NAME));
        assertEquals("symba", spec.options().text("goodness"));
        assertEquals("cooldown", spec.options().text("learningRateSchedule"));
        assertEquals(0.5, spec.options().number("coolDownFraction"));
        assertEquals(0.003, spec.learningRate(), "the resolver records FF Recurrent's own default rate");
    }

    @Test
    void aCooldownIsDeterministicChangesTheTrainingAndNotTheMemory() {
        ExperimentSpec cooled = Specs.small(FfRecurrent.NAME, 2, Map.of("learningRateSchedule", "cooldown", "coolDownFraction", "0.5", "epochs", "2"));
        ExperimentSpec constant = Specs.small(FfRecurrent.NAME, 2, Map.of("learningRateSchedule", "constant", "epochs", "2"));
        ExperimentResult first = ExperimentRunner.engine().run(cooled);
        ExperimentResult second = ExperimentRunner.engine().run(cooled);
        ExperimentResult flat = ExperimentRunner.engine().run(constant);
        assertEquals(first.testAccuracy(), second.testAccuracy());
        assertEquals(first.losses(), second.losses());
        assertEquals(first.memory().trainingPeak(), second.memory().trainingPeak());
        assertEquals(first.memory().evaluationPeak(), second.memory().evaluationPeak());
        assertNotEquals(flat.losses(), first.losses(), "the second epoch runs at a lower rate");
        assertEquals(flat.losses().subList(0, 2), first.losses().subList(0, 2), "the first half runs at the full rate");
        assertEquals(flat.memory().trainingPeak(), first.memory().trainingPeak(), "a schedule holds no memory");
        assertEquals(flat.memory().evaluationPeak(), first.memory().evaluationPeak());
    }

    @Test
    void withACooldownTheNetLearnsRealDigits() {
        ExperimentResult result = digits(Map.of("learningRateSchedule", "cooldown", "learningRate", "0.01"));
        assertTrue(result.testAccuracy() > 0.4, "FF Recurrent with a cool-down: test accuracy " + result.testAccuracy());
    }
}
