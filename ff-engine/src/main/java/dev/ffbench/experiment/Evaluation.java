package dev.ffbench.experiment;

import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * Prediction over a split in batches of the spec's batchSize, every batch one step of one evaluation
 * {@link TransientMemory}, and the evaluation's memory: the persistent arrays at that time plus the
 * working set of the largest batch. What the model returns is checked where it enters: one prediction
 * per image, each a class 0..K-1 or {@link Model#TIE}.
 *
 * <p>A capped cell ({@code maxStepsPerEpoch} under an epoch's steps) is evaluated on its first
 * {@code maxStepsPerEpoch} batches of each split: its accuracy is not a trained net's anyway, and its
 * evaluation peak is the same on any number of full batches (the working set of one batch). Without
 * this cap the label passes of FF Recurrent's capped cells over the whole training split took most of
 * the main job's time.
 */
final class Evaluation {
    private final String algorithm;
    private final Model model;
    private final int batchSize;
    private final int classes;
    private final long seed;
    private final PersistentMemory memory;
    private final Workspaces workspaces;
    private final int maxBatches;

    /** @param maxBatches the batches evaluated of each split, from its first image on; 0: every batch */
    Evaluation(String algorithm, Model model, int batchSize, int classes, long seed, PersistentMemory memory,
            Workspaces workspaces, int maxBatches) {
        this.algorithm = algorithm;
        this.model = model;
        this.batchSize = batchSize;
        this.classes = classes;
        this.seed = seed;
        this.memory = memory;
        this.workspaces = workspaces;
        this.maxBatches = maxBatches;
    }

    /** How many of a split's {@code images} are evaluated: all, or the first {@code maxBatches} batches'. */
    int evaluatedImages(int images) {
        return maxBatches == 0 ? images : (int) Math.min(images, (long) maxBatches * batchSize);
    }

    /** Predictions for every evaluated image ({@link #evaluatedImages}), in order, and the memory the evaluation needed. */
    record Outcome(int[] predictions, MemoryBreakdown memory) {}

    /**
     * @param observer the dead-unit observer of this evaluation, or null
     * @throws ModelFailedException when the model's predictions are not one class per image
     */
    Outcome run(ImageSet images, UnitActivity observer) {
        int evaluated = evaluatedImages(images.count());
        int[] predictions = new int[evaluated];
        int[] order = new int[images.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // prediction draws from a random of its own, so that evaluating mid-training changes nothing after it
        SplittableRandom random = new SplittableRandom(seed);
        // the predictor sees the pixels, never the true labels
        ImageSet unlabelled = new ImageSet(images.count(), images.height(), images.width(), images.channels(),
                images.pixels(), new byte[images.count()]);
        try (TransientMemory transientMemory = new TransientMemory("eval")) {
            workspaces.open(transientMemory);
            if (observer != null) {
                observer.workspaces(workspaces);
            }
            for (int start = 0; start < evaluated; start += batchSize) {
                int count = Math.min(batchSize, evaluated - start);
                int[] batchPredictions;
                try (MemoryWorkspace ignored = transientMemory.step()) {
                    batchPredictions = model.predict(new Batch(unlabelled, order, start, count, transientMemory,
                            random, 0, 0, 1, observer, false));
                }
                workspaces.check(algorithm, model, "its predict");
                check(batchPredictions, start, count);
                System.arraycopy(batchPredictions, 0, predictions, start, count);
            }
            workspaces.close(transientMemory);
            return new Outcome(predictions, memory.snapshot().withTransient(transientMemory.peakBytes()));
        }
    }

    private void check(int[] batchPredictions, int start, int count) {
        String where = "algorithm " + algorithm + "'s model " + model.getClass().getName() + ".predict";
        if (batchPredictions == null || batchPredictions.length != count) {
            throw new ModelFailedException(Problem.found(where, "returned " + (batchPredictions == null ? "null"
                    : batchPredictions.length + " predictions") + " for a batch of " + count + " images (images "
                    + start + ".." + (start + count - 1) + ")", "exactly one prediction per image"));
        }
        for (int i = 0; i < count; i++) {
            int p = batchPredictions[i];
            if (p != Model.TIE && (p < 0 || p >= classes)) {
                throw new ModelFailedException(Problem.found(where, "predicted class " + p + " for image " + (start + i),
                        "0.." + (classes - 1) + " (the dataset's " + classes + " classes), or "
                        + Model.TIE + " for a tie (counted wrong)"));
            }
        }
    }
}
