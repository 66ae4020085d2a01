package dev.ffbench.experiment;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.TransientMemory;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * Prediction over a split in batches, every batch one step of one evaluation {@link TransientMemory},
 * and the evaluation's memory: the persistent arrays at that time plus the working set of the
 * largest batch.
 */
public final class BatchedEvaluation {
    private BatchedEvaluation() {}

    /** Predicts images {@code order[start..start+count)}, inside an open step workspace. */
    @FunctionalInterface
    public interface BatchPredictor {
        int[] predict(int[] order, int start, int count, TransientMemory transientMemory);
    }

    /** Predictions for every image, in order, and the memory the evaluation needed. */
    public record Outcome(int[] predictions, MemoryBreakdown memory) {}

    public static Outcome run(ImageSet images, int batchSize, MemoryBreakdown persistent, BatchPredictor predictor) {
        int[] predictions = new int[images.count()];
        int[] order = new int[images.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        try (TransientMemory transientMemory = new TransientMemory("eval")) {
            for (int start = 0; start < images.count(); start += batchSize) {
                int count = Math.min(batchSize, images.count() - start);
                try (MemoryWorkspace ignored = transientMemory.step()) {
                    System.arraycopy(predictor.predict(order, start, count, transientMemory), 0, predictions, start, count);
                }
            }
            return new Outcome(predictions, persistent.withTransient(transientMemory.peakBytes()));
        }
    }
}
