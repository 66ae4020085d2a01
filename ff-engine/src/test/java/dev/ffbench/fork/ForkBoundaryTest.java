package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Json;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.TestCells;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: what crosses the boundary between the harness and a forked cell. Fake main classes are forked in
 * place of the engine, started exactly as the engine is, so that each test shows what the harness does with
 * what a fork takes in and prints.
 */
class ForkBoundaryTest {
    @TempDir
    Path dir;

    private CellRecord run(Class<?> mainClass, List<String> jvmArgs, Duration timeout) throws Exception {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.createDirectories(layout.work());
        Cell cell = new Cell(0, "backprop-d1-w16-s1", TestCells.spec("backprop", 1, 16, 1));
        ForkOptions options = new ForkOptions(ForkOptions.currentJava(), classpath, jvmArgs, timeout, 1, dir);
        return new ForkedCellRunner(options, layout, mainClass.getName(), "sha256:test").run(cell);
    }

    /** A cell that reads standard input sees its end at once, instead of waiting for the cell's timeout. */
    @Test
    void aForkSeesTheEndOfItsStandardInputAtOnce() throws Exception {
        // a regression (an open pipe) fails here as "timed out after 60 s", not by a timing assertion
        CellRecord record = run(StdinFork.class, List.of("-Xmx64m"), Duration.ofSeconds(60));

        assertEquals("the JVM exited with code 0 but wrote no result: StdinFork: read 0 bytes, then the end of standard"
                + " input", record.failure());
    }

    /** Issue 24: one 20 MB log line was copied whole into results.json, the JUnit XML and the report. */
    @Test
    void aHugeLogLineIsCutInTheLogTailAndInTheFailureReason() throws Exception {
        CellRecord record = run(HugeLineFork.class, List.of("-Xmx256m"), Duration.ofMinutes(5));

        String kept = "x".repeat(ForkLog.MAX_LINE_CHARS) + " [... 19,998,000 characters left out]";
        assertEquals(List.of("HugeLineFork: before", kept), record.logTail());
        assertEquals("the JVM exited with code 1: " + kept, record.failure());
        assertTrue(Json.write(record).length() < 10_000, "the cell's record in results.json stays small");
    }

    /**
     * Issue 24: a log line that merely mentioned OutOfMemoryError turned a rejected spec into "ran out of memory";
     * the reason is the exception that ended the run, as the engine wrote it down.
     */
    @Test
    void theReasonIsTheExceptionThatEndedTheRunNotALogLineMentioningOutOfMemory() throws Exception {
        CellRecord record = run(MentionsOutOfMemoryFork.class, List.of("-Xmx256m"), Duration.ofMinutes(5));

        assertTrue(record.failure().startsWith("the engine rejected the cell (exit code 2: bad spec or dataset): invalid"
                + " experiment spec: depth is '0'"), record.failure());
        assertTrue(record.logTail().contains("cache: recovered from java.lang.OutOfMemoryError: Java heap space by dropping"
                + " entries"), record.logTail().toString());
    }

    /** Without the engine's failure file, only an OutOfMemoryError that ended the JVM is out of memory. */
    @Test
    void aForkThatDiesWithoutTheFailureFileIsOutOfMemoryOnlyWhenAnOutOfMemoryErrorEndedIt() throws Exception {
        CellRecord state = run(UncaughtFork.class, List.of("-Xmx64m", "-Dfork.ending=state"), Duration.ofMinutes(5));
        assertEquals("the JVM exited with code 1: Exception in thread \"main\" java.lang.IllegalStateException: boom",
                state.failure());

        CellRecord heap = run(UncaughtFork.class, List.of("-Xmx64m", "-Dfork.ending=heap"), Duration.ofMinutes(5));
        assertEquals("ran out of memory (OutOfMemoryError, exit code 1); raise -Xmx in jvmArgs or shrink the cell",
                heap.failure());
        assertTrue(heap.logTail().contains("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"),
                heap.logTail().toString());

        CellRecord exited = run(UncaughtFork.class, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Dfork.ending=heap"),
                Duration.ofMinutes(5));
        assertEquals("ran out of memory (OutOfMemoryError, exit code 3); raise -Xmx in jvmArgs or shrink the cell",
                exited.failure());
        assertEquals(List.of("Terminating due to java.lang.OutOfMemoryError: Java heap space"), exited.logTail());
    }
}
