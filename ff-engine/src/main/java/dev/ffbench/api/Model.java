package dev.ffbench.api;

import java.util.List;

/**
 * A network being benchmarked, as its algorithm's {@code build} returns it: the phases it trains in
 * and how it predicts one batch. The engine runs both: it opens each step's workspaces, feeds the
 * batches, counts the images, checks the losses, records the memory of every phase and of evaluation,
 * and measures the Java heap each step allocates. A model writes no loop and no bookkeeping.
 *
 * <p>Every ND4J array a model makes lives either in the persistent ledger ({@code context.memory()},
 * for parameters, gradients and optimizer state) or in the workspaces the engine opened for the step
 * ({@link Batch#scratch()} for a layer's temporaries); anything else fails the cell naming the class and
 * method that made it, and so does opening an ND4J workspace of the model's own.
 */
public interface Model {
    /** The prediction of an image whose best scores tie: no class, counted wrong. */
    int TIE = -1;

    /**
     * The training phases, in order: layerwise FF one per layer ("layer 1", "layer 2", ...), a net trained
     * all at once a single one ("all layers"). Each phase runs every epoch of the spec over the training
     * split. Called once, before training.
     */
    List<TrainingPhase> trainingPhases();

    /**
     * The predicted class of each image of {@code batch}, in order: 0..K-1, or {@link #TIE} when the
     * scores tie. Runs inside the engine's
     * evaluation workspace; the array returned must have exactly {@link Batch#count()} entries.
     */
    int[] predict(Batch batch);
}
