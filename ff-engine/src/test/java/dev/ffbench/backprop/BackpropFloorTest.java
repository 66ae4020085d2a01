package dev.ffbench.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.Specs;
import dev.ffbench.memory.MemoryBreakdown;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backprop at its memory floor computes what it computed before: the step that kept each layer's
 * normalized input and its output (before issue 25) gave these losses and accuracies, to the last
 * digit, on this small net; keeping one array per layer changed the bytes only.
 */
class BackpropFloorTest {

    /**
     * Depth 3, width 32, 50 rows, 2 epochs of 4 steps on synthetic:7:400:100, a capped cell: evaluated on
     * the first 4 batches of each split (all 100 test images, 200 of the 400 training images). Recorded
     * with the step before the floor (commit 08cfe47), whose transient peak was 359,072 B (normalized) and 188,800 B (not): the floor
     * keeps two 50 x 32 float arrays less (2 x 6,400 B), the output of layers 1 and 2, which it
     * normalized in place into the next layer's input.
     */
    @ParameterizedTest
    @CsvSource({
            "true, 2.2710955709944813, 2.1819772195053084, 0.26, 0.335, 346272",
            "false, 2.3020508739243053, 2.2989010227881046, 0.1, 0.11, 188800"})
    void theFloorGivesTheSameLossesAndAccuraciesAsTheStepBeforeIt(boolean normalize, double loss1, double loss2,
            double test, double train, long transientBytes) {
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small("backprop", 3,
                Map.of("normalize", Boolean.toString(normalize), "epochs", "2", "maxStepsPerEpoch", "4")));
        assertEquals(List.of(loss1, loss2), result.losses().stream().map(l -> l.loss()).toList());
        assertEquals(test, result.testAccuracy());
        assertEquals(train, result.trainAccuracy());
        MemoryBreakdown peak = result.memory().trainingPeak();
        assertEquals(new MemoryBreakdown(110_248, 110_248, 220_496, transientBytes), peak);
    }
}
