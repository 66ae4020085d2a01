package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.fork.ForkOptions;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.io.Json;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Real forked JVMs running the engine's command line: what the plugin's ff:benchmark does. */
class HarnessBenchmarkTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final List<String> lines = log.lines();

    private ForkOptions fork(List<String> jvmArgs) {
        return fork(jvmArgs, Duration.ofMinutes(5));
    }

    private ForkOptions fork(List<String> jvmArgs, Duration timeout) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return new ForkOptions(ForkOptions.currentJava(), classpath, jvmArgs, timeout, 1, dir);
    }

    @Test
    void runsEachCellInItsOwnJvmAndRecordsAFailedCellWithoutStoppingTheOthers() throws Exception {
        // the extra cell's dataset directory exists but its train images file is truncated: the engine,
        // loading it in the cell's JVM, exits with code 2 naming the file
        BadIdx.write(dir.resolve("bad-idx"));
        MatrixParameters matrix = MatrixParameters.builder().algorithms("ff-base", "backprop").depths("2")
                .widths("16").dataset("synthetic:7:400:100").epochs("1").batchSize("50").maxStepsPerEpoch("2")
                .extraCells(List.of(Map.of("algorithm", "ff-base", "dataset", "bad-idx"))).build();
        GateParameters gates = new GateParameters(List.of(), List.of(Map.of("algorithm", "ff-base", "maximum", "100")),
                null, null, null, null, false);
        Path out = dir.resolve("ff-benchmark");

        Harness.Outcome outcome = Harness.benchmark(new Harness.BenchmarkRequest(matrix, null, fork(List.of("-Xmx1g")), gates,
                dir.resolve("ff-baseline.json"), out, List.of(), false, null, null), log);

        List<CellRecord> cells = outcome.results().cells();
        assertEquals(List.of("ff-base-symba-d2-w16-s1", "backprop-d2-w16-s1",
                "ff-base-symba-d2-w16-s1-bad-idx"), cells.stream().map(CellRecord::id).toList());
        assertTrue(cells.get(0).isPassed() && cells.get(1).isPassed(), cells.toString());
        assertTrue(cells.get(0).result().memory().trainingPeak().totalBytes() > 0);
        CellRecord failed = cells.get(2);
        assertFalse(failed.isPassed());
        assertTrue(failed.failure().startsWith("the engine rejected the cell (exit code 2: bad spec or dataset): "),
                failed.failure());
        assertTrue(failed.failure().contains(BadIdx.TRUNCATED_FILE) && failed.failure().contains("truncated"), failed.failure());
        assertTrue(failed.logTail().stream().anyMatch(line -> line.startsWith("ff-engine: ")), failed.logTail().toString());

        // every cell's record and log under cells/, nothing left in work/, then the run's documents
        for (CellRecord cell : cells) {
            CellRecord onDisk = Json.mapper().readValue(out.resolve("cells/" + cell.id() + ".json").toFile(), CellRecord.class);
            assertEquals(cell, onDisk);
            assertTrue(Files.isRegularFile(out.resolve("cells/" + cell.id() + ".log")));
        }
        try (var work = Files.list(out.resolve("work"))) {
            assertEquals(0, work.count(), "specs and raw results are removed once a cell is recorded");
        }
        assertEquals(outcome.results(), ResultsFiles.read(out.resolve("results.json"), ResultsDocument.RESULTS));
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("3 cells of a 3-cell matrix: 2 passed, 1 failed."), summary);
        assertTrue(summary.contains("**PASSED**: 1 gate: 1 passed, 0 failed, 0 skipped."), summary);

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("TEST-ff-benchmark.xml").toFile());
        Element suite = junit.getDocumentElement();
        assertEquals("4", suite.getAttribute("tests"), "3 cells + 1 gate");
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("failures"));
        NodeList errors = junit.getElementsByTagName("error");
        assertEquals(failed.failure(), ((Element) errors.item(0)).getAttribute("message"));
        NodeList cases = junit.getElementsByTagName("testcase");
        assertEquals("ff.gates.ratio", ((Element) cases.item(3)).getAttribute("classname"));
        assertEquals("ff-base-symba-d2-w16-s1 vs backprop-d2-w16-s1: trainingPeakBytes",
                ((Element) cases.item(3)).getAttribute("name"));

        assertTrue(outcome.hasFailedCells());
        // paths relative to the project directory (the forks' working directory)
        assertTrue(outcome.failedCellsMessage().startsWith("1 of 3 cells failed (logs in ff-benchmark/cells):\n"
                + "  ff-base-symba-d2-w16-s1-bad-idx: the engine rejected the cell"), outcome.failedCellsMessage());
        assertTrue(lines.get(1).startsWith("cell 1/3 ff-base-symba-d2-w16-s1: ff-base, depth 2, width 16, symba,"
                + " synthetic:7:400:100, 1 epoch, batch 50, seed 1"), lines.toString());
        assertTrue(lines.get(2).matches("cell 1/3 ff-base-symba-d2-w16-s1 done in [0-9.]+ s: test accuracy [0-9.]+ %"
                + " \\(training capped at 2 steps per epoch\\), training peak [0-9,]+ B, evaluation peak [0-9,]+ B, [0-9,]+ samples/s; ETA [0-9]+:[0-9]{2}"), lines.get(2));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN cell 3/3 ff-base-symba-d2-w16-s1-bad-idx"
                + " FAILED after ")), lines.toString());
    }

    @Test
    void aJvmThatCannotStartIsAFailedCellWithItsReason() throws Exception {
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
                .dataset("synthetic:7:400:100").epochs("1").batchSize("50").maxStepsPerEpoch("2").build();

        Harness.Outcome outcome = Harness.benchmark(new Harness.BenchmarkRequest(matrix, null,
                fork(List.of("-XX:+NoSuchJvmOptionForFfBench")), GateParameters.defaults(), dir.resolve("none.json"),
                dir.resolve("out"), List.of(), false, null, null), log);

        CellRecord cell = outcome.results().cells().get(0);
        assertFalse(cell.isPassed());
        assertTrue(cell.failure().startsWith("the JVM exited with code 1: "), cell.failure());
        assertTrue(String.join("\n", cell.logTail()).contains("NoSuchJvmOptionForFfBench"), cell.logTail().toString());
    }

    @Test
    void aCellThatOutlivesItsTimeoutIsKilledAndRecordedAsFailed() throws Exception {
        // 50 full epochs of width 2000 on mnist-sample take minutes; the timeout is 1 s
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("2").widths("2000")
                .dataset("mnist-sample").epochs("50").batchSize("256").maxStepsPerEpoch("0").build();

        Harness.Outcome outcome = Harness.benchmark(new Harness.BenchmarkRequest(matrix, null,
                fork(List.of("-Xmx1g"), Duration.ofSeconds(1)), GateParameters.defaults(), dir.resolve("none.json"),
                dir.resolve("out"), List.of(), false, null, null), log);

        CellRecord cell = outcome.results().cells().get(0);
        assertEquals("timed out after 1 s (cellTimeout); the JVM was killed", cell.failure());
        assertTrue(Files.isRegularFile(dir.resolve("out/cells/" + cell.id() + ".json")), "the failed cell is recorded");
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> Processes.commandLine(p)
                .contains(ForkOptions.ENGINE_MAIN_CLASS)), "no fork outlives its timeout");
    }

    @Test
    void aCellThatRunsOutOfHeapIsRecordedAsOutOfMemory() throws Exception {
        // 8 MB of heap cannot hold the 10,000 mnist-sample digits as floats
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
                .dataset("mnist-sample").epochs("1").batchSize("256").maxStepsPerEpoch("1").build();

        Harness.Outcome outcome = Harness.benchmark(new Harness.BenchmarkRequest(matrix, null, fork(List.of("-Xmx8m")),
                GateParameters.defaults(), dir.resolve("none.json"), dir.resolve("out"), List.of(), false, null, null), log);

        CellRecord cell = outcome.results().cells().get(0);
        assertTrue(cell.failure().startsWith("ran out of memory (OutOfMemoryError, exit code "), cell.failure());
        assertTrue(cell.failure().endsWith("); raise -Xmx in jvmArgs or shrink the cell"), cell.failure());
    }
}
