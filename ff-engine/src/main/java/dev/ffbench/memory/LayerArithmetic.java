package dev.ffbench.memory;

/**
 * The ledger's arithmetic of layer shapes, for estimating a run's memory before it runs
 * ({@link dev.ffbench.api.Algorithm#minimumBytes}): float32 values, 4 bytes each, counted as
 * {@link PersistentMemory} counts them (no alignment). Every operation saturates at
 * {@link Long#MAX_VALUE}, so absurd shapes (a width of two billion) give a huge number, never an
 * overflowed small or negative one.
 */
public final class LayerArithmetic {
    /** Bytes of one float32 value. */
    public static final long FLOAT_BYTES = Float.BYTES;

    private LayerArithmetic() {}

    /** Values of a dense layer of {@code inputs} x {@code outputs}: its weights and its bias. */
    public static long denseValues(long inputs, long outputs) {
        return plus(times(inputs, outputs), outputs);
    }

    /** {@code values} float32 values in bytes. */
    public static long floatBytes(long values) {
        return times(values, FLOAT_BYTES);
    }

    /** a + b, or {@link Long#MAX_VALUE} past it (both >= 0). */
    public static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** a x b, or {@link Long#MAX_VALUE} past it (both >= 0). */
    public static long times(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
