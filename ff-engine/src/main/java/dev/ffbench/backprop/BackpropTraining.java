package dev.ffbench.backprop;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.DenseLayer;
import dev.ffbench.nn.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What backprop holds only while it trains: the gradient buffers and the optimizer state of every
 * layer, all in the persistent ledger until {@link #release}. Either every layer has gradient buffers
 * of its own and the optimizer steps once the whole backward pass is done ({@link #afterBackward}), or
 * the layers share one buffer the size of the largest layer's gradient and each layer's optimizer step
 * runs as soon as its gradient is complete ({@link #afterLayer}), which frees the buffer for the layer
 * below: the ledger then holds one layer's gradients instead of all of them.
 */
final class BackpropTraining {
    private final List<DenseLayer.Gradients> gradients;
    private final List<Optimizer.Updater> weights = new ArrayList<>();
    private final List<Optimizer.Updater> biases = new ArrayList<>();
    /** The ledger's arrays behind {@link #gradients}: one pair per layer, or the one shared pair. */
    private final List<INDArray> buffers = new ArrayList<>();
    private final boolean updateInBackward;

    private BackpropTraining(List<DenseLayer> layers, PersistentMemory memory, Optimizer optimizer,
            boolean updateInBackward) {
        this.updateInBackward = updateInBackward;
        this.gradients = updateInBackward ? sharedGradients(layers, memory) : ownGradients(layers, memory);
        for (DenseLayer layer : layers) {
            weights.add(optimizer.attach(layer.weights(), memory));
            biases.add(optimizer.attach(layer.bias(), memory));
        }
    }

    /**
     * Allocates the gradients and optimizer state of {@code layers} in {@code memory}.
     *
     * @param updateInBackward whether each layer steps as soon as its gradient is complete (one shared
     *     gradient buffer) rather than all layers after the backward pass (a buffer per layer)
     */
    static BackpropTraining start(List<DenseLayer> layers, PersistentMemory memory, Optimizer optimizer,
            boolean updateInBackward) {
        return new BackpropTraining(layers, memory, optimizer, updateInBackward);
    }

    private List<DenseLayer.Gradients> ownGradients(List<DenseLayer> layers, PersistentMemory memory) {
        List<DenseLayer.Gradients> own = new ArrayList<>();
        for (DenseLayer layer : layers) {
            DenseLayer.Gradients g = layer.allocateGradients(memory);
            buffers.add(g.weights());
            buffers.add(g.bias());
            own.add(g);
        }
        return own;
    }

    /**
     * One weight-gradient buffer of the largest layer's weights and one bias-gradient buffer of the
     * widest layer's outputs, and each layer's gradients as a view of their first values (a c-order
     * inputs x outputs array at offset 0, which the kernels and the optimizers read as one run).
     */
    private List<DenseLayer.Gradients> sharedGradients(List<DenseLayer> layers, PersistentMemory memory) {
        long largestWeights = layers.stream().mapToLong(l -> (long) l.inputs() * l.outputs()).max().orElseThrow();
        long widest = layers.stream().mapToLong(DenseLayer::outputs).max().orElseThrow();
        INDArray sharedWeights = memory.zeros(MemoryCategory.GRADIENTS, 1, largestWeights);
        INDArray sharedBias = memory.zeros(MemoryCategory.GRADIENTS, 1, widest);
        buffers.add(sharedWeights);
        buffers.add(sharedBias);
        List<DenseLayer.Gradients> views = new ArrayList<>();
        // a view is a new array object over the ledger's buffer, not an allocation of values
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (DenseLayer layer : layers) {
                views.add(new DenseLayer.Gradients(view(sharedWeights, layer.inputs(), layer.outputs()),
                        view(sharedBias, 1, layer.outputs())));
            }
        }
        return views;
    }

    private static INDArray view(INDArray buffer, long rows, long columns) {
        return Nd4j.create(buffer.data(), new long[] {rows, columns}, new long[] {columns, 1}, 0, 'c');
    }

    /** The gradient buffers of layer {@code layer} (0-based, the head last). */
    DenseLayer.Gradients gradients(int layer) {
        return gradients.get(layer);
    }

    /**
     * Called once layer {@code layer}'s gradient is complete and the gradient flowing below it has been
     * computed with its old weights: steps that layer now when updates run during the backward pass.
     */
    void afterLayer(int layer) {
        if (updateInBackward) {
            step(layer);
        }
    }

    /** Called after the backward pass: steps every layer when updates wait for the whole pass. */
    void afterBackward() {
        if (!updateInBackward) {
            for (int layer = 0; layer < gradients.size(); layer++) {
                step(layer);
            }
        }
    }

    private void step(int layer) {
        weights.get(layer).step(gradients.get(layer).weights());
        biases.get(layer).step(gradients.get(layer).bias());
    }

    /** Frees the gradients and the optimizer state (the layers keep their weights). */
    void release(PersistentMemory memory) {
        buffers.forEach(memory::release);
        weights.forEach(u -> u.release(memory));
        biases.forEach(u -> u.release(memory));
    }
}
