package dev.ffbench.nn;

import dev.ffbench.memory.PersistentMemory;

/**
 * What a dense layer holds only while it trains: its gradient buffers and the optimizer state of
 * its weights and bias, all in the persistent ledger until released.
 */
public final class LayerTraining {
    private final DenseLayer.Gradients gradients;
    private final Optimizer.Updater weights;
    private final Optimizer.Updater bias;

    private LayerTraining(DenseLayer.Gradients gradients, Optimizer.Updater weights, Optimizer.Updater bias) {
        this.gradients = gradients;
        this.weights = weights;
        this.bias = bias;
    }

    /** Allocates the layer's gradient buffers and its optimizer state (e.g. Adam's two moments) in {@code memory}. */
    public static LayerTraining start(DenseLayer layer, PersistentMemory memory, Optimizer optimizer) {
        DenseLayer.Gradients gradients = layer.allocateGradients(memory);
        return new LayerTraining(gradients, optimizer.attach(layer.weights(), memory), optimizer.attach(layer.bias(), memory));
    }

    public DenseLayer.Gradients gradients() {
        return gradients;
    }

    /** Applies the gradients now in the buffers (which the optimizer may overwrite). */
    public void step() {
        weights.step(gradients.weights());
        bias.step(gradients.bias());
    }

    /** Frees the gradients and the optimizer state (the layer keeps its weights). */
    public void release(PersistentMemory memory) {
        gradients.release(memory);
        weights.release(memory);
        bias.release(memory);
    }
}
