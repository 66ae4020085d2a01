package dev.ffbench.nn;

/**
 * Java heap rows for the engine's kernels. A kernel copies a row of an ND4J array into one of these
 * (a bulk copy at memory speed), computes on it and copies the result back: the JIT compiles loops
 * over Java arrays to SIMD instructions, which it does not for loops over native buffers, so a row's
 * arithmetic runs 2-4x faster this way (docs/performance.md, Speed). Each thread has its own rows, grown to
 * the widest row it has seen and reused by every call: a few rows of the widest layer per thread
 * (at width 2000 about 150 KB per thread), allocated once, not per step, and not ND4J memory,
 * so the ledger does not count them (like the dataset in the heap).
 */
public final class RowScratch {
    /** Rows per thread: 0-7 for a kernel's temporaries, 8-15 for sums over rows, one slot per part. */
    public static final int SLOTS = 16;
    private static final ThreadLocal<RowScratch> LOCAL = ThreadLocal.withInitial(RowScratch::new);

    private float[][] rows = new float[SLOTS][];

    private RowScratch() {}

    /**
     * Row {@code slot} (0-15) of the calling thread, at least {@code length} floats long; its contents
     * are whatever the last user left. Two slots of one call never share an array.
     */
    public static float[] row(int slot, int length) {
        RowScratch scratch = LOCAL.get();
        float[] row = scratch.rows[slot];
        if (row == null || row.length < length) {
            row = new float[length];
            scratch.rows[slot] = row;
        }
        return row;
    }

    /** Sum of squares of {@code row[0..length)}, in float with eight partial sums (SIMD-friendly). */
    public static float sumOfSquares(float[] row, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        for (; j + 7 < length; j += 8) {
            s0 += row[j] * row[j];
            s1 += row[j + 1] * row[j + 1];
            s2 += row[j + 2] * row[j + 2];
            s3 += row[j + 3] * row[j + 3];
            s4 += row[j + 4] * row[j + 4];
            s5 += row[j + 5] * row[j + 5];
            s6 += row[j + 6] * row[j + 6];
            s7 += row[j + 7] * row[j + 7];
        }
        for (; j < length; j++) {
            s0 += row[j] * row[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
