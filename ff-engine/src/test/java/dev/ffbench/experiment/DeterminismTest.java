package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ffbench.api.ExperimentSpec;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same spec and seed give the same numbers, to the byte and to the last digit of accuracy. */
class DeterminismTest {

    @ParameterizedTest
    @CsvSource({
        "ff-base, layerwise, uniform",
        "ff-base, simultaneous, hard",
        "ff-recurrent, layerwise, uniform",
        "ff-recurrent, layerwise, hard",
        "backprop, layerwise, uniform"
    })
    void sameSpecAndSeedGiveIdenticalAccuracyLossesAndLedger(String algorithm, String schedule, String negatives) {
        ExperimentSpec spec = Specs.small(algorithm, 3, SpecResolver.engine().applicable(algorithm,
                Map.of("schedule", schedule, "negatives", negatives, "epochs", "2", "maxStepsPerEpoch", "0")));
        ExperimentResult first = ExperimentRunner.engine().run(spec);
        ExperimentResult second = ExperimentRunner.engine().run(spec);
        assertEquals(first.testAccuracy(), second.testAccuracy());
        assertEquals(first.trainAccuracy(), second.trainAccuracy());
        assertEquals(first.losses(), second.losses());
        assertEquals(first.memory().trainingPeak(), second.memory().trainingPeak());
        assertEquals(first.memory().evaluationPeak(), second.memory().evaluationPeak());
    }

    @ParameterizedTest
    @CsvSource({"ff-base", "ff-recurrent", "backprop"})
    void anotherSeedChangesTheLossesButNotTheMemory(String algorithm) {
        ExperimentResult seed1 = ExperimentRunner.engine().run(Specs.small(algorithm, 2, Map.of("seed", "1")));
        ExperimentResult seed2 = ExperimentRunner.engine().run(Specs.small(algorithm, 2, Map.of("seed", "2")));
        assertNotEquals(seed1.losses(), seed2.losses());
        assertEquals(seed1.memory().trainingPeak(), seed2.memory().trainingPeak());
    }
}
