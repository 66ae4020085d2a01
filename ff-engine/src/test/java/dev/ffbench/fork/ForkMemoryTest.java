package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.GateParameters;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.results.TestCells;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, kind 3: a cell that cannot fit in its forked JVM is refused before any cell runs, naming the
 * cell, the width and the bytes it needs, against the limits the fork's own JVM and JavaCPP report.
 */
class ForkMemoryTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private ForkOptions fork(String... jvmArgs) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        return new ForkOptions(ForkOptions.currentJava(), classpath, List.of(jvmArgs), Duration.ofMinutes(5), 1, dir);
    }

    private static long physical() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    @Test
    void theLimitsAreJavaCppsAsTheForkSeesThem() {
        ForkMemory defaults = ForkMemory.probe(fork("-XX:+UseG1GC", "-Xmx64m"), log).orElseThrow();
        assertEquals(64 * MB, defaults.maxHeapBytes());
        assertEquals(64 * MB, defaults.maxBytes(), "maxBytes defaults to the heap");
        assertEquals(4 * 64 * MB, defaults.maxPhysicalBytes(), "maxPhysicalBytes defaults to maxBytes + 3 x the heap");
        assertEquals(OptionalLong.of(physical()), defaults.physicalBytes());
        assertEquals(OptionalLong.of(256 * MB), defaults.limit());
        assertEquals("268,435,456 B: JavaCPP's maxPhysicalBytes, by default 4 x the fork's maximum heap of 67,108,864 B"
                + " (jvmArgs -XX:+UseG1GC -Xmx64m)", defaults.describeLimit());

        ForkMemory maxBytes = ForkMemory.probe(fork("-XX:+UseG1GC", "-Xmx64m", "-Dorg.bytedeco.javacpp.maxbytes=100m"), log)
                .orElseThrow();
        assertEquals(OptionalLong.of(100 * MB + 3 * 64 * MB), maxBytes.limit());
        assertEquals("306,184,192 B: JavaCPP's maxPhysicalBytes, by default its maxBytes of 104,857,600 B (set in jvmArgs)"
                + " + 3 x the fork's maximum heap of 67,108,864 B (jvmArgs -XX:+UseG1GC -Xmx64m"
                + " -Dorg.bytedeco.javacpp.maxbytes=100m)", maxBytes.describeLimit());

        ForkMemory set = ForkMemory.probe(fork("-Xmx64m", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=1g"), log).orElseThrow();
        assertEquals(OptionalLong.of(1024 * MB), set.limit());
        assertEquals("1,073,741,824 B: JavaCPP's maxPhysicalBytes, set in jvmArgs (-Xmx64m"
                + " -Dorg.bytedeco.javacpp.maxPhysicalBytes=1g)", set.describeLimit());

        ForkMemory unchecked = ForkMemory.probe(fork("-Xmx64m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0"), log).orElseThrow();
        assertEquals(OptionalLong.of(physical()), unchecked.limit(), "JavaCPP's check switched off: the machine is the limit");
        assertEquals(String.format(java.util.Locale.ROOT, "%,d B: this machine's physical memory", physical()),
                unchecked.describeLimit());
        assertEquals(List.of(), log.lines());
    }

    @Test
    void aJvmThatCannotStartLeavesTheCellsUncheckedAndSaysWhy() {
        assertEquals(Optional.empty(), ForkMemory.probe(fork("-Xmxbogus"), log));
        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).startsWith("WARN the forks' memory limits could not be read (a JVM started with jvmArgs"
                + " -Xmxbogus said: "), log.lines().toString());
        assertTrue(log.lines().get(0).endsWith("), so the cells are not checked against them before they run"),
                log.lines().toString());
    }

    /** Issue 13: BASE with widths 2000000000 died in a native abort, leaving an hs_err file in the project. */
    @Test
    void aCellThatCannotFitIsRefusedBeforeAnyCellRunsNamingItsWidthAndBytes() throws Exception {
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("1")
                .widths("16", "30000", "2000000000")
                .dataset("synthetic:7:200:50").epochs("1").batchSize("50").maxStepsPerEpoch("2").build();
        Path out = dir.resolve("out");

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(new Harness.BenchmarkRequest(
                matrix, null, fork("-XX:+UseG1GC", "-Xmx64m"), GateParameters.defaults(), null, out, List.of(), false, null, null), log));

        String machine = String.format(java.util.Locale.ROOT, "%,d B", physical());
        assertEquals(List.of(
                // (784 x 30000 + 30000 + 30000 x 10 + 10) values, with a gradient and two Adam moments each, 4 bytes
                "cell backprop-d1-w30000-s1 (depth 1, width 30000) needs at least 381,600,160 B for its parameters, gradients"
                        + " and optimizer state alone, but a forked cell may hold at most 268,435,456 B: JavaCPP's"
                        + " maxPhysicalBytes, by default 4 x the fork's maximum heap of 67,108,864 B (jvmArgs -XX:+UseG1GC"
                        + " -Xmx64m); allowed: a cell that fits: a smaller width or depth, or more memory for the forks in"
                        + " jvmArgs (-Xmx, or -Dorg.bytedeco.javacpp.maxphysicalbytes), up to this machine's " + machine
                        + " of physical memory",
                "cell backprop-d1-w2000000000-s1 (depth 1, width 2000000000) needs at least 25,440,000,000,160 B for its"
                        + " parameters, gradients and optimizer state alone, but a forked cell may hold at most 268,435,456 B:"
                        + " JavaCPP's maxPhysicalBytes, by default 4 x the fork's maximum heap of 67,108,864 B (jvmArgs"
                        + " -XX:+UseG1GC -Xmx64m); allowed: a cell that fits in this machine's " + machine + " of physical"
                        + " memory: a smaller width or depth"), e.problems());
        assertFalse(Files.exists(out), "no cell ran, nothing was written");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }
    }

    /**
     * Issue 24: on a runtime without the module jdk.management the fork cannot read the machine's memory; the
     * check then says so on the log, and still holds cells to JavaCPP's limit.
     */
    @Test
    void aRuntimeWithoutJdkManagementLeavesThePhysicalMemoryUnknownAndSaysWhatIsNotChecked() {
        assertEquals(ForkMemory.UNKNOWN, ForkMemory.physicalMemory(ModuleLayer.empty()), "no jdk.management, no figure");
        assertEquals(physical(), ForkMemory.physicalMemory(ModuleLayer.boot()));

        ForkMemory memory = ForkMemory.parse(64 * MB + " " + 64 * MB + " " + 256 * MB + " -1 /opt/jre 17", List.of("-Xmx64m"), log);

        assertEquals(OptionalLong.empty(), memory.physicalBytes());
        assertEquals(OptionalLong.of(256 * MB), memory.limit(), "JavaCPP's limit still holds");
        assertEquals(List.of("WARN the machine's physical memory cannot be read (module jdk.management is missing from"
                + " /opt/jre 17): cells are not checked against it before they run, only against JavaCPP's maxPhysicalBytes"
                + " of 268,435,456 B"), log.lines());
        Cell wide = new Cell(0, "backprop-d1-w30000-s1", TestCells.spec("backprop", 1, 30000, 1));
        assertEquals(List.of(Problem.found("cell backprop-d1-w30000-s1 (depth 1, width 30000)", "needs at least 381,600,160 B"
                + " for its parameters, gradients and optimizer state alone, but a forked cell may hold at most 268,435,456 B:"
                + " JavaCPP's maxPhysicalBytes, by default 4 x the fork's maximum heap of 67,108,864 B (jvmArgs -Xmx64m)",
                "a cell that fits: a smaller width or depth, or more memory for the forks in jvmArgs (-Xmx, or"
                + " -Dorg.bytedeco.javacpp.maxphysicalbytes)")),
                MemoryCheck.problems(List.of(wide), dev.ffbench.experiment.Extensions.engine(), dir, () -> Optional.of(memory),
                        log));

        log.lines().clear();
        ForkMemory nothing = ForkMemory.parse(64 * MB + " " + 64 * MB + " 0 -1 /opt/jre", List.of("-Xmx64m"), log);
        assertEquals(OptionalLong.empty(), nothing.limit());
        assertEquals(List.of("WARN the machine's physical memory cannot be read (module jdk.management is missing from"
                + " /opt/jre): cells are not checked against it before they run, nor against JavaCPP's maxPhysicalBytes,"
                + " which jvmArgs switch off"), log.lines());
        assertEquals(List.of(), MemoryCheck.problems(List.of(wide), dev.ffbench.experiment.Extensions.engine(), dir,
                () -> Optional.of(nothing), log), "nothing to check against");
    }
}
