package dev.ffbench.nn;

import dev.ffbench.io.Problem;
import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A linear map z = x W + b with W stored as (inputs x outputs), so neither pass transposes a copy.
 * Parameters live in the persistent ledger (counted as parameters); initialization is PyTorch's
 * default, uniform in +-1/sqrt(inputs), drawn from a seeded Java generator so it does not depend on
 * ND4J's RNG. All arrays are float32; the methods that return arrays create them in the current
 * workspace (call them inside a step or scratch workspace of a {@link dev.ffbench.memory.TransientMemory}).
 */
public final class DenseLayer {
    /**
     * The most weights one layer may have: the kernels read a layer's weights through one buffer with an
     * int index (and this is the largest length every JVM allocates for an array).
     */
    public static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;

    private final int inputs;
    private final int outputs;
    private final INDArray weights;
    private final INDArray bias;

    /**
     * @param memory the ledger that holds W (inputs x outputs) and b (1 x outputs)
     * @param random the seeded source of the initial weights (W first, then b)
     */
    public DenseLayer(PersistentMemory memory, int inputs, int outputs, SplittableRandom random) {
        Problem tooLarge = shapeProblem(inputs, outputs);
        if (tooLarge != null) {
            // inputs * outputs would overflow the int length of the weights' array
            throw new IllegalArgumentException(tooLarge.message());
        }
        this.inputs = inputs;
        this.outputs = outputs;
        double bound = 1.0 / Math.sqrt(inputs);
        this.weights = uniform(memory.zeros(MemoryCategory.PARAMETERS, inputs, outputs), random, bound);
        this.bias = uniform(memory.zeros(MemoryCategory.PARAMETERS, 1, outputs), random, bound);
    }

    /**
     * Why a layer of {@code inputs} x {@code outputs} cannot be built ("a layer of 784 x 3000000 has
     * 2,352,000,000 weights; allowed: at most 2,147,483,639 weights per layer ..."), or null when it can.
     */
    public static Problem shapeProblem(long inputs, long outputs) {
        long weights = dev.ffbench.memory.LayerArithmetic.times(inputs, outputs);
        if (weights <= MAX_WEIGHTS) {
            return null;
        }
        return Problem.found("a layer of " + inputs + " x " + outputs,
                String.format(java.util.Locale.ROOT, "has %,d weights", weights),
                String.format(java.util.Locale.ROOT, "at most %,d weights per layer (the kernels index a layer's weights"
                        + " with a Java int)", MAX_WEIGHTS));
    }

    /**
     * Why a hidden layer of {@code inputs} x {@code outputs} that the spec's {@code width} sizes cannot be built,
     * as the width's problem ("width is 50000: a layer of 50000 x 50000 has 2,500,000,000 weights; allowed: at
     * most ..."), or null when it can.
     */
    public static Problem widthProblem(int width, long inputs, long outputs) {
        Problem layer = shapeProblem(inputs, outputs);
        return layer == null ? null
                : Problem.found("width", "is " + width + ": " + layer.thing() + " " + layer.finding(), layer.allowed());
    }

    /**
     * Fills {@code array} (a fresh c-order ledger array) with uniform values in [-bound, bound), in order,
     * straight into its buffer: no Java array of the weights, which would be memory outside the ledger.
     */
    private static INDArray uniform(INDArray array, SplittableRandom random, double bound) {
        java.nio.FloatBuffer values = Floats.of(array);
        long count = array.length();
        for (int i = 0; i < count; i++) {
            values.put(i, (float) ((random.nextDouble() * 2 - 1) * bound));
        }
        return array;
    }

    /**
     * x W + b. Calls BLAS gemm ({@link Gemm}) into a fresh c-order array: INDArray.mmul took twice as
     * long for the same product here (it goes through the generic matmul op), and Nd4j.gemm's op path
     * costs more than a small product.
     *
     * @param x (rows x inputs)
     * @return (rows x outputs), a new array
     */
    public INDArray forward(INDArray x) {
        return product(x).addiRowVector(bias);
    }

    /** x W, without the bias: (rows x inputs) to a new (rows x outputs). */
    public INDArray product(INDArray x) {
        INDArray z = Nd4j.createUninitialized(x.dataType(), x.rows(), outputs);
        Gemm.gemm(x, weights, z, false, false, 1.0, 0.0);
        return z;
    }

    /**
     * Gradients of W and b for the batch, written over the given persistent buffers: dW = x^T dL/dz,
     * db = the column sums of dL/dz (a 1 x outputs temporary in the current workspace).
     *
     * @param x (rows x inputs), the input of {@link #forward}
     * @param gradZ (rows x outputs), dL/dz
     */
    public void parameterGradients(INDArray x, INDArray gradZ, Gradients into) {
        Gemm.gemm(x, gradZ, into.weights(), true, false, 1.0, 0.0);
        into.bias().assign(gradZ.sum(true, 0));
    }

    /** Adds this batch's gradients of W and b to the buffers (FF Recurrent sums over iterations). */
    public void accumulateParameterGradients(INDArray x, INDArray gradZ, Gradients into) {
        Gemm.gemm(x, gradZ, into.weights(), true, false, 1.0, 1.0);
        into.bias().addi(gradZ.sum(true, 0));
    }

    /** dL/dx = dL/dz W^T: (rows x outputs) to a new (rows x inputs). */
    public INDArray inputGradient(INDArray gradZ) {
        INDArray gradX = Nd4j.createUninitialized(gradZ.dataType(), gradZ.rows(), inputs);
        Gemm.gemm(gradZ, weights, gradX, false, true, 1.0, 0.0);
        return gradX;
    }

    /** Zeroed gradient buffers of W and b, counted as gradients in {@code memory} until released. */
    public Gradients allocateGradients(PersistentMemory memory) {
        return new Gradients(
                memory.zeros(MemoryCategory.GRADIENTS, inputs, outputs),
                memory.zeros(MemoryCategory.GRADIENTS, 1, outputs));
    }

    public INDArray weights() {
        return weights;
    }

    public INDArray bias() {
        return bias;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** Persistent gradient buffers of one dense layer. */
    public record Gradients(INDArray weights, INDArray bias) {
        public void release(PersistentMemory memory) {
            memory.release(weights);
            memory.release(bias);
        }
    }
}
