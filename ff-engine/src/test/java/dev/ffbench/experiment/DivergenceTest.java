package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blown-up training is a failed run, whatever the algorithm, even when every loss stayed finite. */
class DivergenceTest {
    private final PersistentMemory memory = new PersistentMemory();
    private final ExperimentSpec spec = SpecResolver.engine().resolve(Map.of("algorithm", "backprop"));

    @AfterEach
    void release() {
        memory.releaseAll();
    }

    @Test
    void soundTrainingPasses() {
        memory.of(MemoryCategory.PARAMETERS, new float[] {0.5f, -3f, 12f, 0f}, 2, 2);
        assertDoesNotThrow(() -> Divergence.check(spec, 0.001, List.of(new EpochLoss(1, 0, 2.3), new EpochLoss(2, 0, 0.4)),
                memory));
    }

    @Test
    void parametersBeyondAMillionInMagnitudeAreDivergence() {
        memory.of(MemoryCategory.PARAMETERS, new float[] {0.5f, -2.5e9f}, 1, 2);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Divergence.check(spec, 1e9, List.of(new EpochLoss(1, 0, 1e19)), memory));
        assertEquals("training diverged: backprop's parameters reached 2.50e+09 in magnitude (more than 1e+06);"
                + " lower the learning rate (1.0E9)", e.getMessage());
    }

    @Test
    void parametersThatAreNotFiniteAreDivergence() {
        memory.of(MemoryCategory.PARAMETERS, new float[] {Float.NaN, 1f}, 1, 2);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Divergence.check(spec, 0.5, List.of(), memory));
        assertEquals("training diverged: backprop's parameters are not finite (NaN); lower the learning rate (0.5)",
                e.getMessage());
    }

    @Test
    void aLossThatGrowsByThreeOrdersOfMagnitudeIsDivergence() {
        memory.of(MemoryCategory.PARAMETERS, new float[] {1f, 1f}, 1, 2);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Divergence.check(spec, 0.1,
                List.of(new EpochLoss(1, 2, 0.7), new EpochLoss(2, 2, 5.0), new EpochLoss(3, 2, 900.0)), memory));
        assertEquals("training diverged: backprop's loss of layer 2 grew from 0.7000 in epoch 1 to 900.0 in epoch 3"
                + " (more than 1000x); lower the learning rate (0.1)", e.getMessage());
    }
}
