package dev.ffbench.memory;

import java.util.List;
import java.util.Locale;

/**
 * Java heap a model allocated while it trained and predicted, which the exact ledger does not count:
 * the Java objects of at least {@code minObjectBytes} (a batch's pixels or activations kept in Java
 * arrays) that the model's code allocated on the cell's threads. ND4J's own small per-op objects, class
 * loading and the engine's per-thread row scratch are not counted. A run with any such object keeps
 * memory outside the ledger: its peaks understate what it needs.
 *
 * @param minObjectBytes the smallest object counted, {@link #minObjectBytes(int, int)} of the run
 * @param objects how many such objects were allocated
 * @param bytes their sizes summed, in bytes
 * @param largestBytes the size of the largest one
 * @param largestType its Java type, e.g. "float[]"
 * @param largestSource where the model's code allocated it: class, method, file and line
 */
public record HeapOutsideLedger(long minObjectBytes, long objects, long bytes, long largestBytes, String largestType,
        String largestSource) {
    /**
     * The smallest object counted at small batches: 16 KiB, above any Java object ND4J makes per op or per
     * array (shape descriptors, pointers, ids) and below one 64-image batch of a 64-unit layer's float
     * activations.
     */
    public static final long MIN_OBJECT_BYTES = 16 * 1024;

    /**
     * The smallest object counted in a run of {@code batchSize} images per step and K classes: 16 KiB, or,
     * when larger, what a model needs in Java arrays by the API's own shape, K float scores for each of a
     * step's up to 2 x batchSize rows (positives and negatives), 8 x batchSize x K bytes; the predictions
     * (batchSize ints) are smaller still. An array of a batch's pixels or of a layer's activations wider
     * than 2K units is larger.
     */
    public static long minObjectBytes(int batchSize, int classes) {
        return Math.max(MIN_OBJECT_BYTES, 8L * batchSize * classes);
    }

    /**
     * The options a cell's JVM runs with so that every object of {@link #MIN_OBJECT_BYTES} or more is
     * allocated outside the thread-local allocation buffers, where the flight recorder sees each one:
     * buffers of a fixed 16 KiB.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TLABSize=16k", "-XX:-ResizeTLAB");

    /** Nothing outside the ledger, counting objects of at least {@code minObjectBytes}. */
    public static HeapOutsideLedger none(long minObjectBytes) {
        return new HeapOutsideLedger(minObjectBytes, 0, 0, 0, null, null);
    }

    /** Whether the model allocated any object counted here. */
    public boolean any() {
        return objects > 0;
    }

    /**
     * "memory outside the ledger: 120 Java objects of at least 16,384 B (24,084,480 B in all; the largest a
     * float[] of 200,704 B from com.acme.MyModel.step (MyModel.java:42))", or "" when there is none.
     */
    public String note() {
        if (!any()) {
            return "";
        }
        return String.format(Locale.ROOT, "memory outside the ledger: %,d Java object%s of at least %,d B (%,d B in all;"
                + " the largest a %s of %,d B from %s)", objects, objects == 1 ? "" : "s", minObjectBytes, bytes,
                largestType, largestBytes, largestSource);
    }
}
