package dev.ffbench.experiment;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PhaseMemory;
import java.util.List;

/** A network being benchmarked: trains, predicts, and reports the memory peaks it measured. */
public interface Model {

    /**
     * Trains on {@code train}; returns the loss of every epoch (per layer for FF).
     *
     * @throws TrainingDivergedException when a loss becomes NaN or infinite (the run stops, no accuracy is reported)
     */
    List<EpochLoss> train(ImageSet train);

    /** The predicted class (0..K-1) of every image, in order. */
    int[] predict(ImageSet images);

    /** Images processed by training (one image counted once per epoch, whatever the schedule). */
    long trainingSamples();

    /** The memory of each training phase, in training order. */
    List<PhaseMemory> trainingPhases();

    MemoryBreakdown evaluationPeak();

    /**
     * Per hidden layer (first to last), the share of units that never fired in the engine's final test
     * evaluation; empty when the model does not report it ({@link MeasuredModel} does, for the layers
     * its subclass passes to {@code observeActivity}).
     */
    default List<Double> deadUnitFractions() {
        return List.of();
    }
}
