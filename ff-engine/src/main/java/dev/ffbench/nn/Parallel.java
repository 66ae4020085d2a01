package dev.ffbench.nn;

/**
 * How the Java kernels split their work: into a fixed number of parts, each over a contiguous range
 * of rows (or values). A kernel that sums over rows sums each part on its own and then adds the parts
 * in order, so its result does not depend on how the parts are run.
 */
public final class Parallel {
    /** Parts every split kernel uses. */
    public static final int PARTS = 2;

    private Parallel() {}

    /** A part of a split range: runs indexes {@code from..to} as part number {@code part}. */
    @FunctionalInterface
    public interface Part {
        void run(int part, int from, int to);
    }

    /** Where part {@code part} of {@code n} indexes split into {@link #PARTS} parts starts. */
    public static int start(int n, int part) {
        return (int) ((long) n * part / PARTS);
    }

    /**
     * Runs {@code body} on the {@link #PARTS} parts of {@code 0..n}, in order, on the calling thread.
     * {@code parallelFrom} is the smallest range worth more than one thread.
     */
    public static void forParts(int n, int parallelFrom, Part body) {
        for (int part = 0; part < PARTS; part++) {
            body.run(part, start(n, part), start(n, part + 1));
        }
    }
}
