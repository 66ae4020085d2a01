package dev.ffbench.experiment;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PeakTracker;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.PhaseMemory;
import dev.ffbench.memory.TransientMemory;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    /** Per layer, which units gave a positive output in the observed evaluation; null when not observing. */
    private List<boolean[]> fired;
    private List<boolean[]> observed = List.of();
    private boolean observeNext;
    private TransientMemory diagnostics;
    private java.util.function.IntConsumer epochListener;
    private boolean evaluatingDuringTraining;

    protected MeasuredModel(PersistentMemory memory) {
        this.memory = memory;
    }

    /** Adds the images of one training step (count an image once per epoch, whatever the schedule). */
    protected void countTrainingImages(long images) {
        trainingSamples += images;
    }

    /**
     * Call at the end of every epoch after which the model can predict (layerwise FF: the epochs of its
     * top layer). The engine may evaluate the test split then (the spec's {@code evaluateEvery}) for the
     * accuracy curve; that evaluation is outside the training time and the memory figures.
     *
     * @param epoch 1-based
     */
    protected void epochFinished(int epoch) {
        if (epochListener != null) {
            epochListener.accept(epoch);
        }
    }

    /** The engine's hook for {@link #epochFinished}. */
    void onEpochFinished(java.util.function.IntConsumer listener) {
        this.epochListener = listener;
    }

    /** While set, {@link #evaluate} does not count toward the evaluation's memory (a mid-training evaluation). */
    void evaluatingDuringTraining(boolean during) {
        this.evaluatingDuringTraining = during;
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
        boolean observing = observeNext;
        observeNext = false;
        fired = observing ? new ArrayList<>() : null;
        // the engine's own bookkeeping lives in a workspace of its own, outside the model's figures
        diagnostics = observing ? new TransientMemory("diagnostics") : null;
        try {
            BatchedEvaluation.Outcome outcome = BatchedEvaluation.run(images, batchSize, memory.snapshot(), predictor);
            if (!evaluatingDuringTraining) {
                evaluation.observe("evaluation", outcome.memory());
            }
            if (observing) {
                observed = fired;
            }
            return outcome.predictions();
        } finally {
            fired = null;
            if (diagnostics != null) {
                diagnostics.close();
                diagnostics = null;
            }
        }
    }

    /**
     * Records which units of hidden layer {@code layer} (0-based) fired, when the engine observes this
     * evaluation (the final one on the test split); otherwise does nothing. Its one column maximum
     * (1 x units) is computed in a workspace of the engine's own, so the model's memory figures do not
     * change.
     *
     * @param activations (rows x units) the layer's ReLU outputs for a batch (and one label, for FF)
     */
    protected void observeActivity(int layer, INDArray activations) {
        if (fired == null) {
            return;
        }
        float[] maxima;
        try (MemoryWorkspace ignored = diagnostics.step()) {
            maxima = activations.max(0).toFloatVector();
        }
        while (fired.size() <= layer) {
            fired.add(null);
        }
        if (fired.get(layer) == null) {
            fired.set(layer, new boolean[maxima.length]);
        }
        boolean[] layerFired = fired.get(layer);
        for (int j = 0; j < maxima.length; j++) {
            layerFired[j] |= maxima[j] > 0;
        }
    }

    /** The engine observes the next {@link #evaluate} call (see {@link #observeActivity}). */
    void observeNextEvaluation() {
        observeNext = true;
    }

    @Override
    public List<Double> deadUnitFractions() {
        List<Double> fractions = new ArrayList<>();
        if (observed != null) {
            for (boolean[] layer : observed) {
                int dead = 0;
                for (boolean f : layer == null ? new boolean[0] : layer) {
                    dead += f ? 0 : 1;
                }
                fractions.add(layer == null || layer.length == 0 ? 1.0 : (double) dead / layer.length);
            }
        }
        return fractions;
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
