package dev.ffbench.experiment;

import dev.ffbench.memory.HeapOutsideLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Records the large Java objects a model allocates while the engine trains and evaluates it, with the
 * JVM's flight recorder: every object that is not bump-allocated in its thread's current thread-local
 * allocation buffer (TLAB) is an event with its type, size, thread and stack. The cell's JVM runs with
 * fixed 16 KiB TLABs ({@code -XX:TLABSize=16k -XX:-ResizeTLAB}, set by the forks, the engine's tests and
 * its command line), so no object of {@link HeapOutsideLedger#MIN_OBJECT_BYTES} or more fits in a current
 * TLAB: HotSpot allocates it either outside any TLAB or, when the current one is nearly full (free space
 * under its refill-waste limit, about 1/64 of it), as the first object of a new TLAB sized to hold it. Both
 * events are recorded; the second holds a few percent of large objects, and reading only the first
 * undercounted them by chance. In a JVM with resizable TLABs an object that fits in its thread's TLAB goes
 * unseen.
 *
 * <p>Counted: objects of at least that size allocated by the model's code, from its constructor to its
 * last prediction, on any thread (the cell's, the kernels', one of the model's own): directly, through
 * the building blocks, or as Java arrays of an ND4J array's data, e.g. {@code toFloatVector()}. An
 * object is the model's when the first frame of its allocation's stack past the JDK, ND4J and the
 * building blocks is not the engine's. Not counted: class loading, ND4J's own bookkeeping (what
 * it allocates for itself inside an op), the engine's own (the epoch's shuffled order, the predictions) and
 * {@link dev.ffbench.nn.RowScratch} (the building blocks' one row per thread).
 */
final class HeapRecorder implements AutoCloseable {
    /** Both ways an object too large for the current TLAB is allocated; each event's allocationSize is the object's. */
    private static final List<String> EVENTS = List.of("jdk.ObjectAllocationOutsideTLAB", "jdk.ObjectAllocationInNewTLAB");
    /** Frames of libraries and of the engine's building blocks: the source of an object is the first frame past them. */
    private static final List<String> LIBRARIES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.nd4j.",
            "org.bytedeco.", "org.apache.", "com.google.", "com.fasterxml.", "org.slf4j.", "dev.ffbench.nn.",
            "dev.ffbench.memory.", "dev.ffbench.dataset.");
    /** ND4J and what it calls: an object allocated below one of its frames is ND4J's unless it is an array's data. */
    private static final List<String> ND4J = List.of("org.nd4j.", "org.bytedeco.");
    /** The engine's own code: what it allocates itself (the epoch's order, the predictions) is not the model's. */
    private static final List<String> ENGINE = List.of("dev.ffbench.experiment.", "dev.ffbench.api.");
    private static final List<String> CLASS_LOADING = List.of("java.lang.ClassLoader.", "jdk.internal.loader.",
            "java.lang.invoke.", "jdk.internal.reflect.", "java.lang.Class.", "java.util.ServiceLoader");

    /** ND4J's arrays and their buffers, whose accessors copy the data into Java arrays. */
    private static final List<String> ARRAY_DATA = List.of("org.nd4j.linalg.api.ndarray.", "org.nd4j.linalg.cpu.nativecpu.NDArray.",
            "org.nd4j.linalg.api.buffer.", "org.nd4j.linalg.cpu.nativecpu.buffer.");
    /** The accessors that copy an array's data into Java: toFloatVector, toDoubleMatrix, asFloat, asInt, ... */
    private static final java.util.regex.Pattern DATA_ACCESSOR = java.util.regex.Pattern.compile("(to|as)[A-Z]\\w*");
    private static final java.util.regex.Pattern PRIMITIVE_ARRAY =
            java.util.regex.Pattern.compile("(float|double|int|long|short|byte|char|boolean)(\\[])+");

    private final long minObjectBytes;
    private final Recording recording;

    /**
     * Starts recording; records nothing (and {@link #stop} returns null) where the JVM has no flight recorder.
     *
     * @param minObjectBytes the smallest object counted ({@link HeapOutsideLedger#minObjectBytes(int, int)})
     */
    HeapRecorder(long minObjectBytes) {
        this.minObjectBytes = minObjectBytes;
        Recording started = null;
        try {
            started = new Recording();
            for (String event : EVENTS) {
                started.enable(event).withStackTrace();
            }
            started.start();
        } catch (RuntimeException | Error e) {
            System.err.println("the Java heap outside the ledger cannot be recorded: " + e);
            if (started != null) {
                started.close();
            }
            started = null;
        }
        this.recording = started;
    }

    /** Stops recording; what the model allocated outside the ledger, or null when nothing could be recorded. */
    HeapOutsideLedger stop() {
        if (recording == null) {
            return null;
        }
        Path directory = null;
        try {
            recording.stop();
            directory = Files.createTempDirectory("ffbench-heap-");
            Path file = directory.resolve("allocations.jfr");
            recording.dump(file);
            return outsideLedger(Files.exists(file) ? RecordingFile.readAllEvents(file) : List.of());
        } catch (IOException | RuntimeException e) {
            System.err.println("the Java heap outside the ledger was not recorded: " + e);
            return null;
        } finally {
            if (directory != null) {
                try {
                    Files.deleteIfExists(directory.resolve("allocations.jfr"));
                    Files.deleteIfExists(directory);
                } catch (IOException ignored) {
                    // a temporary file left behind costs a few kilobytes; the figure is already read
                }
            }
        }
    }

    private HeapOutsideLedger outsideLedger(List<RecordedEvent> events) {
        long objects = 0;
        long bytes = 0;
        long largest = 0;
        String largestType = null;
        String largestSource = null;
        for (RecordedEvent event : events) {
            long size = event.getLong("allocationSize");
            if (size < minObjectBytes) {
                continue;
            }
            String type = javaName(event.getClass("objectClass").getName());
            String source = source(event.getStackTrace(), type);
            if (source == null) {
                continue;
            }
            objects++;
            bytes += size;
            if (size > largest) {
                largest = size;
                largestType = type;
                largestSource = source;
            }
        }
        return objects == 0 ? HeapOutsideLedger.none(minObjectBytes)
                : new HeapOutsideLedger(minObjectBytes, objects, bytes, largest, largestType, largestSource);
    }

    /** The model's frame that allocated the object, or null when it is not the model's (see the class comment). */
    private static String source(RecordedStackTrace stack, String type) {
        if (stack == null) {
            return "an unknown place";
        }
        String innermostNd4j = null;
        for (RecordedFrame frame : stack.getFrames()) {
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            if (CLASS_LOADING.stream().anyMatch(method::startsWith) || method.startsWith("dev.ffbench.nn.RowScratch.")) {
                return null;
            }
            if (innermostNd4j == null && ND4J.stream().anyMatch(method::startsWith)) {
                innermostNd4j = method;
            }
            if (LIBRARIES.stream().noneMatch(method::startsWith)) {
                if (ENGINE.stream().anyMatch(method::startsWith)) {
                    return null;
                }
                // inside ND4J only a copy of an array's data into Java counts, made by the array's or its
                // buffer's own accessor (toFloatVector, toFloatMatrix, data().asFloat(), ...): the rest is ND4J's
                // bookkeeping (its op registry, its tables, its deallocator's)
                boolean copiedOut = innermostNd4j == null || (PRIMITIVE_ARRAY.matcher(type).matches()
                        && ARRAY_DATA.stream().anyMatch(innermostNd4j::startsWith)
                        && DATA_ACCESSOR.matcher(innermostNd4j.substring(innermostNd4j.lastIndexOf('.') + 1)).matches());
                return copiedOut ? method + " (line " + frame.getLineNumber() + ")" : null;
            }
        }
        return null;
    }

    /** "float[]" for "[F", "float[][]" for "[[F", the name as it is otherwise (JFR may give either form). */
    private static String javaName(String type) {
        int dimensions = 0;
        while (dimensions < type.length() && type.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return type;
        }
        String element = switch (type.substring(dimensions)) {
            case "F" -> "float";
            case "D" -> "double";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "B" -> "byte";
            case "C" -> "char";
            case "Z" -> "boolean";
            default -> type.substring(dimensions + 1, type.length() - 1);
        };
        return element + "[]".repeat(dimensions);
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.close();
        }
    }
}
