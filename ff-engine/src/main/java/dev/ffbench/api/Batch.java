package dev.ffbench.api;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.PixelBatch;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One batch the engine hands a model: {@link #count()} images of a split (training: the epoch's shuffled
 * order; evaluation: in order), the step's workspaces and, in training, where the step stands in its
 * phase (for a learning-rate schedule) and the run's random numbers. Made by the engine; a model only
 * reads it.
 */
public final class Batch {
    /** What the engine does with a layer's activities during the observed evaluation. */
    @FunctionalInterface
    public interface ActivityObserver {
        void observe(int layer, INDArray activations);
    }

    private final ImageSet images;
    private final int[] order;
    private final int start;
    private final int count;
    private final TransientMemory memory;
    private final SplittableRandom random;
    private final int epoch;
    private final long step;
    private final long steps;
    private final ActivityObserver observer;
    private final boolean labelled;

    /**
     * @param order the split's image indexes in the order of the epoch (shared, not copied)
     * @param start the batch's first position in {@code order}
     * @param epoch 1-based; 0 in evaluation
     * @param step the step's 0-based index in its phase, over all epochs; 0 in evaluation
     * @param steps the phase's steps over all epochs; 1 in evaluation
     * @param observer receives {@link #observe} calls; null when nothing is observed
     * @param labelled whether {@link #label} may be read: in training; never in a prediction (whose
     *     {@code images} carry no true labels either)
     */
    public Batch(ImageSet images, int[] order, int start, int count, TransientMemory memory, SplittableRandom random,
            int epoch, long step, long steps, ActivityObserver observer, boolean labelled) {
        this.images = images;
        this.order = order;
        this.start = start;
        this.count = count;
        this.memory = memory;
        this.random = random;
        this.epoch = epoch;
        this.step = step;
        this.steps = steps;
        this.observer = observer;
        this.labelled = labelled;
    }

    /** Images in this batch (the last batch of an epoch may be smaller than the spec's batchSize). */
    public int count() {
        return count;
    }

    /**
     * The split the images come from (pixels as bytes, height x width x channels, and in training the labels;
     * in a prediction every label reads 0).
     */
    public ImageSet images() {
        return images;
    }

    /** The index in {@link #images()} of the batch's {@code i}-th image, 0 <= i < count. */
    public int image(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("image " + i + " of a batch of " + count);
        }
        return order[start + i];
    }

    /**
     * The true class (0..K-1) of the batch's {@code i}-th image, in a training step.
     *
     * @throws IllegalStateException in a prediction: a predictor that read the labels would score what it was told
     */
    public int label(int i) {
        if (!labelled) {
            throw new IllegalStateException(Problem.found("Batch.label(" + i + ")", "in a prediction: the true labels"
                    + " are not shown to a predictor", "labels in a training step only").message());
        }
        return images.label(image(i));
    }

    /**
     * The batch's images scaled to [0, 1], as a (count x height*width*channels) float32 array in the step
     * workspace, a new one on each call.
     */
    public INDArray pixels() {
        return PixelBatch.rows(images, order, start, count);
    }

    /**
     * Opens the scratch workspace for one layer's temporaries; close it before the next layer (its memory
     * is reused, so a deeper net does not need more of it). What must live through the whole step
     * (activations handed up the stack) is allocated outside it, in the step workspace.
     */
    public MemoryWorkspace scratch() {
        return memory.scratch();
    }

    /** The run's random numbers, seeded by the spec's seed (for negative labels, dropout, ...). */
    public SplittableRandom random() {
        return random;
    }

    /** The 1-based epoch of a training step; 0 in evaluation. */
    public int epoch() {
        return epoch;
    }

    /** The step's 0-based index in its phase, counted over all epochs (0 in evaluation). */
    public long step() {
        return step;
    }

    /** The phase's steps over all epochs (1 in evaluation): {@code step() / (double) steps()} is its progress. */
    public long steps() {
        return steps;
    }

    /**
     * Reports hidden layer {@code layer}'s (0-based) ReLU outputs for this batch, (rows x units), to the
     * engine's dead-unit diagnostics, which read them in the final evaluation on the test split, in a
     * workspace of their own; otherwise this does nothing.
     */
    public void observe(int layer, INDArray activations) {
        if (observer != null) {
            observer.observe(layer, activations);
        }
    }

    /** The epoch's order of image indexes from the batch's first (for kernels that read a batch in one pass). */
    public int[] order() {
        return order;
    }

    /** The batch's first position in {@link #order()}. */
    public int start() {
        return start;
    }
}
