package dev.ffbench.fork;

import dev.ffbench.io.HarnessLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The memory a forked cell may use, as its own JVM sees it: the maximum heap its {@code jvmArgs} give,
 * JavaCPP's limits, and the machine's physical memory. ND4J's arrays live outside the heap; JavaCPP
 * refuses every allocation once the process's physical memory exceeds {@code maxPhysicalBytes}
 * ({@code org.bytedeco.javacpp.maxphysicalbytes}; by default {@code maxBytes} + 3 x the maximum heap,
 * and {@code maxBytes} defaults to the maximum heap, so 4 x the heap; 0 or less switches the check off).
 * The figures are read by running {@link #main} in a JVM started exactly as the forks are (the same
 * {@code java}, JVM arguments and engine class path), so every way of setting them (-Xmx,
 * -XX:MaxRAMPercentage, a container's limit, JavaCPP's properties and their relative forms) counts as in
 * a cell. The machine's memory is read through the module {@code jdk.management}; a runtime without it (a
 * trimmed JRE) leaves it unknown, and says so on the harness log.
 *
 * @param maxHeapBytes the fork's {@code Runtime.maxMemory()}
 * @param maxBytes JavaCPP's {@code maxBytes}
 * @param maxPhysicalBytes JavaCPP's {@code maxPhysicalBytes} (0 or less: unchecked)
 * @param physicalBytes the machine's (or container's) physical memory; empty when the fork's runtime cannot tell
 * @param jvmArgs the forks' JVM arguments, to say where the figures come from
 */
public record ForkMemory(long maxHeapBytes, long maxBytes, long maxPhysicalBytes, OptionalLong physicalBytes,
        List<String> jvmArgs) {

    /** What the fork prints for a physical memory it cannot read. */
    static final long UNKNOWN = -1;

    public ForkMemory {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * The most bytes a forked cell can hold: JavaCPP's physical limit, or the machine's memory when that is lower;
     * empty when neither is known (JavaCPP's check off, the machine's memory unreadable).
     */
    public OptionalLong limit() {
        if (maxPhysicalBytes <= 0) {
            return physicalBytes;
        }
        return OptionalLong.of(physicalBytes.isPresent() ? Math.min(maxPhysicalBytes, physicalBytes.getAsLong()) : maxPhysicalBytes);
    }

    /**
     * What {@link #limit()} is and where it comes from, e.g. "8,589,934,592 B: JavaCPP's maxPhysicalBytes,
     * by default 4 x the fork's maximum heap of 2,147,483,648 B (jvmArgs -Xmx2g)".
     */
    public String describeLimit() {
        if (maxPhysicalBytes <= 0 || physicalBytes.isPresent() && maxPhysicalBytes >= physicalBytes.getAsLong()) {
            return bytes(physicalBytes.orElseThrow()) + ": this machine's physical memory";
        }
        String limit = bytes(maxPhysicalBytes) + ": JavaCPP's maxPhysicalBytes, ";
        if (sets("maxphysicalbytes")) {
            return limit + "set in jvmArgs (" + String.join(" ", jvmArgs) + ")";
        }
        return limit + (sets("maxbytes") ? "by default its maxBytes of " + bytes(maxBytes) + " (set in jvmArgs) + 3 x"
                : "by default 4 x") + " the fork's maximum heap of " + bytes(maxHeapBytes) + " (jvmArgs "
                + (jvmArgs.isEmpty() ? "(none)" : String.join(" ", jvmArgs)) + ")";
    }

    /** Whether the JVM arguments set JavaCPP's property {@code name} (either spelling: maxbytes or maxBytes). */
    private boolean sets(String name) {
        return jvmArgs.stream().anyMatch(arg -> arg.toLowerCase(Locale.ROOT).startsWith("-dorg.bytedeco.javacpp." + name + "="));
    }

    /** "1,234 B". */
    static String bytes(long value) {
        return String.format(Locale.ROOT, "%,d B", value);
    }

    /**
     * Starts a JVM as the forks are started and reads its figures; empty (with the reason logged as a
     * warning) when it cannot tell, e.g. a JVM argument that keeps the JVM from starting (each cell then
     * fails with that reason).
     */
    public static Optional<ForkMemory> probe(ForkOptions options, HarnessLog log) {
        List<String> command = new ArrayList<>();
        command.add(options.javaExecutable().toString());
        // a crash report goes to the temporary directory, never into the project (the working directory)
        command.add("-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/ff-bench-memory-probe-%p.log");
        command.add("-XX:-CreateCoredumpOnCrash");
        command.addAll(options.jvmArgs());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, options.classpath().stream().map(Object::toString).toList()));
        command.add(ForkMemory.class.getName());
        String output;
        Path out = null;
        try {
            out = Files.createTempFile("ff-bench-memory-probe", ".log");
            Process process = new ProcessBuilder(command).directory(options.workingDirectory().toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            process.getOutputStream().close();
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            output = Files.readString(out, StandardCharsets.UTF_8).trim();
            if (!ended) {
                output = "no answer within 60 s";
            } else if (process.exitValue() == 0) {
                return Optional.of(parse(output.substring(output.lastIndexOf('\n') + 1).trim(), options.jvmArgs(), log));
            }
        } catch (IOException | RuntimeException e) {
            output = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            output = e.toString();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file: the system cleans it
                }
            }
        }
        String last = output.isEmpty() ? "no output" : ForkLog.cap(output.substring(output.lastIndexOf('\n') + 1).trim());
        log.warn("the forks' memory limits could not be read (a JVM started with jvmArgs " + String.join(" ", options.jvmArgs())
                + " said: " + last + "), so the cells are not checked against them before they run");
        return Optional.empty();
    }

    /**
     * The figures {@link #main} printed; a physical memory the fork could not read is named on the harness log
     * as a warning, with what is then not checked and why.
     */
    static ForkMemory parse(String line, List<String> jvmArgs, HarnessLog log) {
        String[] figures = line.split(" ", 5);
        long physical = Long.parseLong(figures[3]);
        ForkMemory memory = new ForkMemory(Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2]),
                physical == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(physical), jvmArgs);
        if (memory.physicalBytes().isEmpty()) {
            log.warn("the machine's physical memory cannot be read (module jdk.management is missing from " + figures[4]
                    + "): cells are not checked against it before they run" + (memory.maxPhysicalBytes() > 0
                            ? ", only against JavaCPP's maxPhysicalBytes of " + bytes(memory.maxPhysicalBytes())
                            : ", nor against JavaCPP's maxPhysicalBytes, which jvmArgs switch off"));
        }
        return memory;
    }

    /**
     * Prints the figures of this JVM on one line: the maximum heap, JavaCPP's maxBytes and maxPhysicalBytes, the
     * physical memory ({@value #UNKNOWN} when unknown) and {@code java.home} (what {@link #probe} reads).
     */
    public static void main(String[] args) {
        System.out.println(Runtime.getRuntime().maxMemory() + " " + org.bytedeco.javacpp.Pointer.maxBytes() + " "
                + org.bytedeco.javacpp.Pointer.maxPhysicalBytes() + " " + physicalMemory(ModuleLayer.boot()) + " "
                + System.getProperty("java.home"));
    }

    /**
     * The machine's physical memory, or {@value #UNKNOWN} when {@code layer} lacks the module {@code jdk.management}
     * that tells it (a runtime trimmed by jlink may).
     */
    static long physicalMemory(ModuleLayer layer) {
        return layer.findModule("jdk.management").isPresent() ? Management.totalMemorySize() : UNKNOWN;
    }

    /** Kept apart so that com.sun.management is loaded only when its module is there. */
    private static final class Management {
        static long totalMemorySize() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        }
    }
}
