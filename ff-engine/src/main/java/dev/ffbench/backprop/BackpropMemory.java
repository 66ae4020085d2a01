package dev.ffbench.backprop;

import static dev.ffbench.memory.LayerArithmetic.denseValues;
import static dev.ffbench.memory.LayerArithmetic.floatBytes;
import static dev.ffbench.memory.LayerArithmetic.plus;
import static dev.ffbench.memory.LayerArithmetic.times;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.nn.Optimizer;

/**
 * The training peak of backprop and its variants, to the byte, from the layer shapes: what
 * {@link BackpropModel} allocates, as the ledger counts it (float32 values; a workspace places every
 * array at a 32-byte boundary). Tests assert it against measured peaks; the algorithms' minimumBytes
 * is its persistent part.
 */
final class BackpropMemory {
    /** A workspace rounds every allocation up to this many bytes. */
    static final long ALIGNMENT = 32;

    private BackpropMemory() {}

    /**
     * Parameters of every layer and the head; gradients of every one (or, with updates in the backward
     * pass, of the largest layer's weights and the widest layer's bias, which every layer shares);
     * optimizer state of every one (Adam: two moments; SGD: none).
     */
    static MemoryBreakdown persistent(ExperimentSpec spec, BackpropPlan plan, int inputSize, int classes) {
        long width = spec.width();
        long hidden = spec.depth() > 1 ? denseValues(width, width) : 0;
        long parameters = plus(plus(denseValues(inputSize, width), times(spec.depth() - 1L, hidden)),
                denseValues(width, classes));
        long gradients = parameters;
        if (plan.updateInBackward()) {
            long largest = Math.max(Math.max(times(inputSize, width), spec.depth() > 1 ? times(width, width) : 0),
                    times(width, classes));
            gradients = plus(largest, Math.max(width, (long) classes));
        }
        long state = times(Optimizer.stateValuesPerParameter(spec.optimizer()), parameters);
        return new MemoryBreakdown(floatBytes(parameters), floatBytes(gradients), floatBytes(state), 0);
    }

    /**
     * The whole training peak of a step of {@code spec.batchSize()} rows: {@link #persistent} plus the
     * step workspace (the batch's pixels; the first layer's normalized input and scales; k - 1 segment
     * buffers; the kept input of layers k, 2k, ...; the top layer's output; the gradient flowing down)
     * plus the scratch workspace's largest cycle (the head's logits, or one layer's dL/d(input)).
     */
    static MemoryBreakdown trainingPeak(ExperimentSpec spec, BackpropPlan plan, int inputSize, int classes) {
        boolean normalize = Backprop.NORMALIZE.of(spec);
        int hidden = spec.depth();
        int every = plan.checkpointEvery(hidden);
        long rows = spec.batchSize();
        long layerRows = floats(rows * spec.width());
        long scales = normalize ? floats(rows) : 0;
        long keptInputs = (hidden + every - 1) / every - 1;
        long step = floats(rows * inputSize)
                + (normalize ? floats(rows * inputSize) + scales : 0)
                + (every - 1) * (layerRows + scales)
                + keptInputs * (layerRows + scales)
                + 2 * layerRows;
        long scratch = Math.max(floats(rows * classes), hidden > 1 ? layerRows : 0);
        return persistent(spec, plan, inputSize, classes).withTransient(step + scratch);
    }

    /** Bytes of an array of {@code values} floats in a workspace. */
    private static long floats(long values) {
        long bytes = values * Float.BYTES;
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
