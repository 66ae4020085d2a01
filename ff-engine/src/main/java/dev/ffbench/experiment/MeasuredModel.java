package dev.ffbench.experiment;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PeakTracker;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.PhaseMemory;
import dev.ffbench.memory.TransientMemory;
import java.util.List;

/**
 * The base class of a model: what every model records while it runs, the same way for all of them
 * (the built-ins and a project's own): the images it trained on, the memory of each training phase
 * (the persistent arrays then plus the phase's largest working set) and the memory of evaluation.
 * A subclass trains inside one {@link TransientMemory} per phase, calls {@link #countTrainingImages}
 * per step and {@link #recordPhase} at the end of each phase, and predicts through {@link #evaluate}.
 */
public abstract class MeasuredModel implements Model {
    protected final PersistentMemory memory;
    private final PeakTracker trainingPhases = new PeakTracker();
    private final PeakTracker evaluation = new PeakTracker();
    private long trainingSamples;

    protected MeasuredModel(PersistentMemory memory) {
        this.memory = memory;
    }

    /** Adds the images of one training step (count an image once per epoch, whatever the schedule). */
    protected void countTrainingImages(long images) {
        trainingSamples += images;
    }

    /** Call at the end of a phase, before its gradients or optimizer state are released. */
    protected void recordPhase(String phase, TransientMemory transientMemory) {
        trainingPhases.observe(phase, memory.snapshot(), transientMemory.peakBytes());
    }

    /**
     * Predicts every image in batches of {@code batchSize}, each batch one step of a fresh evaluation
     * workspace, and records the evaluation's memory (the persistent arrays now plus the largest batch's
     * working set).
     *
     * @return the predicted class (0..K-1) of every image, in order
     */
    protected int[] evaluate(ImageSet images, int batchSize, BatchedEvaluation.BatchPredictor predictor) {
        BatchedEvaluation.Outcome outcome = BatchedEvaluation.run(images, batchSize, memory.snapshot(), predictor);
        evaluation.observe("evaluation", outcome.memory());
        return outcome.predictions();
    }

    @Override
    public final long trainingSamples() {
        return trainingSamples;
    }

    @Override
    public final List<PhaseMemory> trainingPhases() {
        return trainingPhases.phases();
    }

    @Override
    public final MemoryBreakdown evaluationPeak() {
        return evaluation.peak();
    }
}
