package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.fork.ForkOptions;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Json;
import dev.ffbench.io.OutputLock;
import dev.ffbench.io.Problem;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.MatrixExpander;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.output.History;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import dev.ffbench.results.TestCells;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults and bad input (issue 7): interruption, resume, the output lock, input checked before any cell runs. */
class FaultsTest {
    /** Four small cells: ff-base and backprop at widths 16 and 24, depth 2, two steps of synthetic data. */
    static final MatrixParameters MATRIX = MatrixParameters.builder().algorithms("ff-base", "backprop")
            .depths("2").widths("16", "24")
            .dataset("synthetic:7:400:100").epochs("1").batchSize("50").maxStepsPerEpoch("2").build();

    /** One backprop cell that trains for minutes: 50 whole epochs of width 2000 on mnist-sample. */
    static final MatrixParameters LONG_CELL = MatrixParameters.builder().algorithms("backprop").depths("2")
            .widths("2000").dataset("mnist-sample").epochs("50").batchSize("256").maxStepsPerEpoch("0").build();

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final List<String> lines = log.lines();

    private static Process child(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ForkOptions.currentJava().toString(), "-cp",
                System.getProperty("java.class.path"), FaultChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Live processes whose command line mentions {@code text} (the forks name their spec file under the output directory). */
    private static List<ProcessHandle> processesMentioning(String text) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> Processes.commandLine(p).contains(text)).toList();
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * A finished earlier run's documents in {@code out}, written by ff:check as ff:benchmark writes them
     * (results.json, summary.md, TEST-ff-benchmark.xml) and a report.html; checked to pass as they are.
     */
    private void previousRunsDocuments(Path out) throws IOException {
        ResultsFiles.write(out.resolve("results.json"), TestCells.results(List.of(
                TestCells.passed(0, "ff-d2", TestCells.spec("ff-base", 2, 16, 1), 1000, 500, 0.9))));
        Harness.Outcome earlier = Harness.check(new Harness.CheckRequest(List.of(out.resolve("results.json")),
                GateParameters.defaults(), null, out, List.of(), null, null, null, false), new RecordingLog());
        assertFalse(earlier.hasFailedCells() || earlier.hasViolations(), "the earlier run passed");
        Files.writeString(out.resolve("report.html"), "<html>the earlier run</html>");
        if (!Files.exists(out.resolve("gates.json"))) {
            // no gate judged that run; a run with gates leaves its verdict here, "passed" or "failed"
            Files.writeString(out.resolve("gates.json"), "{\"kind\":\"ff-bench-gates\"}");
        }
        for (Path document : new OutputLayout(out).documents()) {
            assertTrue(Files.isRegularFile(document), document.toString());
        }
    }

    /** After a run that did not finish, nothing of the earlier run's is left to pass ff:check. */
    private void noDocumentIsLeftAndCheckSaysToRunTheBenchmark(Path out) {
        for (Path document : new OutputLayout(out).documents()) {
            assertFalse(Files.exists(document), "the earlier run's " + document.getFileName() + " is removed");
        }
        Path results = out.resolve("results.json");
        HarnessException check = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                List.of(results), GateParameters.defaults(), null, out, List.of(), null, null, null, false), log));
        assertEquals("results file " + results + " does not exist; run mvn ff:benchmark first, or list the shards'"
                + " results.json files in ff.results", check.getMessage());
    }

    @Test
    void aRunThatFailsBeforeItEndsLeavesNoneOfThePreviousRunsDocumentsForCheckToPass() throws Exception {
        Path out = dir.resolve("out");
        previousRunsDocuments(out);
        // cells/ a regular file: the cell's record cannot be written, so the run fails before it ends (one cell:
        // after a failure the scheduler does not wait for a next cell's task, which would outlive this test)
        Path cells = Files.writeString(out.resolve("cells"), "in the way");
        Harness.BenchmarkRequest request = FaultChild.request(out, dir, false);
        MatrixParameters oneCell = MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
                .dataset("synthetic:7:400:100").epochs("1").batchSize("50").maxStepsPerEpoch("2").build();

        IOException e = assertThrows(IOException.class, () -> Harness.benchmark(new Harness.BenchmarkRequest(oneCell,
                null, request.fork(), request.gates(), request.baselineFile(), out, List.of(), false, null, null), log));

        assertTrue(e.getMessage().contains(cells.toString()), e.getMessage());
        assertTrue(lines.contains("removed the previous run's results.json, summary.md, TEST-ff-benchmark.xml, report.html,"
                + " gates.json from out: this run writes its own when it ends"), lines.toString());
        noDocumentIsLeftAndCheckSaysToRunTheBenchmark(out);
    }

    @Test
    void sigtermMidMatrixKillsTheForksKeepsFinishedCellsAndResumeRunsOnlyTheMissingOnes() throws Exception {
        Path out = dir.resolve("interrupted");
        previousRunsDocuments(out);
        Process harness = child(dir.resolve("child.log"), "run", out.toString(), dir.toString());
        try {
            // poll (bounded) until the first cell is on disk, then SIGTERM the harness mid-matrix
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (cellFiles(out).isEmpty()) {
                assertTrue(harness.isAlive(), "the harness ended before a cell finished: "
                        + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "no cell finished within 3 minutes");
                Thread.sleep(50);
            }
            harness.destroy(); // SIGTERM
            assertTrue(harness.waitFor(2, TimeUnit.MINUTES), "the harness exits on SIGTERM");
        } finally {
            harness.destroyForcibly();
        }
        String childLog = Files.readString(dir.resolve("child.log"));
        assertEquals(143, harness.exitValue(), childLog);

        assertEquals(List.of(), processesMentioning(out.toString()), "no forked cell JVM outlives the harness");
        List<Path> kept = cellFiles(out);
        assertFalse(kept.isEmpty());
        assertTrue(kept.size() < 4, "interrupted mid-matrix: " + kept);
        assertFalse(Files.exists(out.resolve("results.json")), "an interrupted run writes no results.json");
        noDocumentIsLeftAndCheckSaysToRunTheBenchmark(out);
        // the run ends with its shutdown hook's word on what is kept and how to go on; the only other line after
        // the cells' is the main thread's failure, if it gets to print before the JVM halts, and it says the same
        String message = "ff:benchmark was interrupted: " + kept.size() + " of 4 cells finished and are kept in "
                + out.resolve("cells") + " (" + kept.size() + " passed, 0 failed); the cells still running were stopped and"
                + " recorded nothing, and no results.json was written. To finish, run the same command with -Dff.resume:"
                + " it keeps the " + kept.size() + " passed " + (kept.size() == 1 ? "cell" : "cells") + " and runs the other "
                + (4 - kept.size());
        List<String> said = childLog.lines().filter(line -> !line.isBlank()).toList();
        int lastCellLine = 0;
        for (int i = 0; i < said.size(); i++) {
            if (said.get(i).startsWith("cell ")) {
                lastCellLine = i;
            }
        }
        List<String> end = said.subList(lastCellLine + 1, said.size());
        assertTrue(end.contains("WARN " + message), childLog);
        assertTrue(end.stream().allMatch(line -> line.equals("WARN " + message)
                || line.equals("FAILED java.io.InterruptedIOException: " + message)), childLog);
        for (Path file : files(out)) {
            String name = file.getFileName().toString();
            assertFalse(name.endsWith(".tmp"), "temporary file left: " + file);
            assertFalse(file.startsWith(out.resolve("work")), "work file left: " + file);
            if (name.endsWith(".json")) {
                CellRecord record = Json.mapper().readValue(file.toFile(), CellRecord.class);
                assertTrue(record.isPassed(), "only finished cells are recorded: " + record);
                assertTrue(Files.isRegularFile(out.resolve("cells/" + record.id() + ".log")), "its whole log is kept");
            }
        }
        List<CellRecord> before = new ArrayList<>();
        for (Path file : kept) {
            before.add(Json.mapper().readValue(file.toFile(), CellRecord.class));
        }

        // -Dff.resume: only the missing cells run; the merged results equal an uninterrupted run's
        Harness.Outcome resumed = Harness.benchmark(FaultChild.request(out, dir, true), log);
        int missing = 4 - kept.size();
        assertTrue(lines.contains("resume: " + kept.size() + " of 4 cells already passed in " + out.resolve("cells")
                + " and are kept; " + missing + " run now"), lines.toString());
        assertEquals(missing, lines.stream().filter(l -> l.matches("(WARN )?cell \\d+/" + missing + " .* done in .*")).count(),
                lines.toString());
        for (CellRecord old : before) {
            assertTrue(resumed.results().cells().contains(old), "kept unchanged: " + old.id());
        }

        Harness.Outcome whole = Harness.benchmark(FaultChild.request(dir.resolve("whole"), dir, false), log);
        assertEquals(figures(whole.results()), figures(resumed.results()));
        assertEquals(figures(whole.results()), figures(ResultsFiles.read(out.resolve("results.json"), ResultsDocument.RESULTS)));
        assertEquals(4, whole.results().passedCells().size());
    }

    private static List<Path> cellFiles(Path out) throws IOException {
        return files(out.resolve("cells")).stream().filter(p -> p.toString().endsWith(".json")).toList();
    }

    /** What is deterministic about a run: per cell, its id, index, memory bytes and accuracies. */
    private static List<String> figures(ResultsDocument results) {
        return results.cells().stream().map(c -> c.index() + " " + c.id() + " " + c.status() + " "
                + c.result().memory().trainingPeak().totalBytes() + " " + c.result().memory().evaluationPeak().totalBytes()
                + " " + c.result().trainAccuracy() + " " + c.result().testAccuracy()).toList();
    }

    @Test
    void aSecondRunOnTheSameOutputDirectoryRefusesAndTouchesNothing() throws Exception {
        Path out = dir.resolve("out");
        Path cell = out.resolve("cells/earlier.json");
        Files.createDirectories(cell.getParent());
        Files.writeString(cell, "{\"kept\": true}");
        Process holder = child(dir.resolve("holder.log"), "lock", out.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!Files.readString(dir.resolve("holder.log")).contains("locked")) {
                assertTrue(holder.isAlive() && System.nanoTime() < deadline, Files.readString(dir.resolve("holder.log")));
                Thread.sleep(20);
            }
            HarnessException e = assertThrows(HarnessException.class,
                    () -> Harness.benchmark(FaultChild.request(out, dir, false), log));
            assertEquals("outputDirectory " + out + " is in use by another ff-maven-plugin run (pid " + holder.pid()
                    + ", ff:benchmark, since ", e.getMessage().substring(0, e.getMessage().indexOf("since ") + 6));
            assertTrue(e.getMessage().endsWith("; lock " + out.toRealPath().resolve(OutputLock.FILE_NAME) + "); allowed:"
                    + " one run per output directory at a time: wait for that run to end, or give this one its own"
                    + " -Dff.outputDirectory. Nothing was written"), e.getMessage());
            HarnessException check = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                    List.of(cell), GateParameters.defaults(), null, out, List.of(), null, null, null, false), log));
            // ff:check reads its input first: that file is not a results document, so it says so; with good input the lock refuses
            assertTrue(check.getMessage().contains(cell.toString()), check.getMessage());
            assertEquals("{\"kept\": true}", Files.readString(cell));
            assertEquals(List.of(out.resolve(OutputLock.FILE_NAME), cell), files(out).stream().sorted().toList());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
        }
        // the lock dies with its holder: the next run may write
        try (OutputLock lock = OutputLock.acquire(out, "benchmark")) {
            assertThrows(HarnessException.class, () -> OutputLock.acquire(out, "check"), "one run per JVM too");
        }
        OutputLock.acquire(out, "check").close();
    }

    /** A child JVM holding {@code out}'s output lock as ff:benchmark does, once it has it. */
    private Process lockHolder(Path out) throws Exception {
        Process holder = child(dir.resolve("holder.log"), "lock", out.toString());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.readString(dir.resolve("holder.log")).contains("locked")) {
            assertTrue(holder.isAlive() && System.nanoTime() < deadline, Files.readString(dir.resolve("holder.log")));
            Thread.sleep(20);
        }
        return holder;
    }

    @Test
    void baselineAndHistoryRefuseResultsWhoseDirectoryARunHoldsAndNameTheHolder() throws Exception {
        Path out = dir.resolve("target/ff-benchmark");
        Path results = out.resolve("results.json");
        ResultsFiles.write(results, TestCells.results(List.of(
                TestCells.passed(0, "ff-d2", TestCells.spec("ff-base", 2, 16, 1), 1000, 500, 0.9))));
        Path baseline = dir.resolve("ff-baseline.json");
        Path history = dir.resolve("ff-history");
        Process holder = lockHolder(out);
        String lock = out.toRealPath().resolve(OutputLock.FILE_NAME).toString();
        try {
            HarnessException e = assertThrows(HarnessException.class,
                    () -> Harness.baseline(List.of(results), baseline, dir, log));
            String holds = "results file target/ff-benchmark/results.json cannot be read: its directory is in use by"
                    + " another ff-maven-plugin run (pid " + holder.pid() + ", ff:benchmark, since ";
            assertEquals(holds, e.getMessage().substring(0, holds.length()), e.getMessage());
            assertTrue(e.getMessage().endsWith("; lock " + lock + "), whose results are not written yet; allowed: the"
                    + " results of a finished run: wait for that run to end, then run ff:baseline again. Nothing was"
                    + " written"), e.getMessage());
            assertFalse(Files.exists(baseline), "no baseline recorded from the previous run's results");

            HarnessException h = assertThrows(HarnessException.class, () -> Harness.history(
                    new Harness.HistoryRequest(List.of(results), history, dir), log));
            assertEquals(holds, h.getMessage().substring(0, holds.length()), h.getMessage());
            assertTrue(h.getMessage().endsWith("then run ff:history again. Nothing was written"), h.getMessage());
            assertFalse(Files.exists(history), "nothing appended to the history");

            // ff:check (and ff:report) while the run writes its results: said so, not "does not exist"
            Files.delete(results);
            HarnessException c = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                    List.of(results), GateParameters.defaults(), null, out, List.of(), null, null, null, false), log));
            String checkHolds = "results file " + results + " cannot be read: its directory is in use by another"
                    + " ff-maven-plugin run (pid " + holder.pid() + ", ff:benchmark, since ";
            assertEquals(checkHolds, c.getMessage().substring(0, checkHolds.length()), c.getMessage());
            assertTrue(c.getMessage().endsWith("then run ff:check again. Nothing was written"), c.getMessage());
            ResultsFiles.write(results, TestCells.results(List.of(
                    TestCells.passed(0, "ff-d2", TestCells.spec("ff-base", 2, 16, 1), 1000, 500, 0.9))));
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
        }

        // the run is over: both record its results, and release the lock when done
        Harness.baseline(List.of(results), baseline, dir, log);
        assertEquals(1, ResultsFiles.read(baseline, ResultsDocument.BASELINE).cells().size());
        Harness.history(new Harness.HistoryRequest(List.of(results), history, dir), log);
        assertEquals(1, History.read(history, new ProjectPaths(dir)).runs().size());
        OutputLock.acquire(out, "benchmark").close();

        // results in a directory no run wrote (downloaded from CI): read without leaving a lock file there
        Path downloaded = Files.createDirectories(dir.resolve("downloaded")).resolve("results.json");
        Files.copy(results, downloaded);
        Harness.baseline(List.of(downloaded), baseline, dir, log);
        assertEquals(List.of(downloaded), files(downloaded.getParent()));
    }

    /** Found by a fresh user: a cell that failed this time lost its previous baseline figures without a word. */
    @Test
    void aFailedCellThatThePreviousBaselineHadIsNamedAsDroppedFromIt() throws Exception {
        Path baseline = dir.resolve("ff-baseline.json");
        Path results = dir.resolve("results.json");
        ExperimentSpec base = TestCells.spec("ff-base", 2, 16, 1);
        ExperimentSpec backprop = TestCells.spec("backprop", 2, 16, 1);
        ResultsFiles.write(results, TestCells.results(List.of(TestCells.passed(0, "ff-d2", base, 1000, 500, 0.9),
                TestCells.passed(1, "bp-d2", backprop, 2000, 600, 0.95))));
        Harness.baseline(List.of(results), baseline, dir, log);

        ResultsFiles.write(results, TestCells.results(List.of(TestCells.passed(0, "ff-d2", base, 1000, 500, 0.9),
                TestCells.failed(1, "bp-d2", backprop, "diverged"))));
        RecordingLog second = new RecordingLog();
        Harness.baseline(List.of(results), baseline, dir, second);
        assertTrue(second.lines().contains("WARN 1 failed cell is left out of the baseline: bp-d2; the previous"
                + " ff-baseline.json had bp-d2, whose baseline figures are dropped: later runs judge it as a new cell, with"
                + " no baseline gate, until it passes and ff:baseline records it"), second.lines().toString());
        assertEquals(List.of("ff-d2"), ResultsFiles.read(baseline, ResultsDocument.BASELINE).cells().stream()
                .map(dev.ffbench.results.CellRecord::id).toList());
    }

    @Test
    void everyBadParameterIsReportedAtOnceBeforeAnythingRunsOrIsWritten() throws Exception {
        MatrixParameters matrix = MatrixParameters.builder().algorithms("ff-base").depths("0").widths("-16")
                .goodness("nope").dataset("synthetic:7:40:20").epochs("0").batchSize("50").maxStepsPerEpoch("2").build();
        GateParameters gates = new GateParameters(List.of(Map.of("metric", "testAccuracy", "minimum", "0.9", "maximum", "0.5")),
                List.of(), null, null, null, null, false);
        Path out = dir.resolve("out");
        ForkOptions valid = FaultChild.request(out, dir, false).fork();
        // the fork options too (found by a fresh user: they stopped the run before the rest was checked)
        ForkOptions fork = new ForkOptions(valid.javaExecutable(), valid.classpath(), valid.jvmArgs(), java.time.Duration.ZERO,
                0, valid.workingDirectory(), valid.projectClasspath());

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(
                new Harness.BenchmarkRequest(matrix, "3/2", fork, gates, null, out, List.of(), false, null, null), log));

        List<String> problems = e.problems();
        assertTrue(e.typedProblems().containsAll(List.of(Problem.found("parallelCells", "is 0", "a whole number >= 1"),
                Problem.found("cellTimeout", "is 0 s", "a whole number of seconds >= 1"))), e.typedProblems().toString());
        assertTrue(problems.contains("rules[1] has minimum 0.9 above maximum 0.5; allowed: minimum <= maximum"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("shard is '3/2'; allowed: i/n with whole numbers 1 <= i <= n")),
                problems.toString());
        assertTrue(problems.contains("depths is '0'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.contains("widths is '-16'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.contains("epochs is '0'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("goodness: 'nope' is not")), problems.toString());
        assertTrue(e.getMessage().startsWith(problems.size() + " problems:\n"), e.getMessage());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aBatchLargerThanTheDatasetIsRejectedBeforeAnyCellRuns() throws Exception {
        MatrixParameters matrix = MATRIX.toBuilder()
                .extraCells(List.of(Map.of("algorithm", "ff-base", "dataset", "synthetic:7:40:20"))).build();
        Path out = dir.resolve("out");
        Path earlier = out.resolve("cells/earlier.json");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "{}");

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(
                new Harness.BenchmarkRequest(matrix, null, FaultChild.request(out, dir, false).fork(),
                        GateParameters.defaults(), null, out, List.of(), false, null, null), log));

        assertEquals("batchSize is 50; allowed: at most the 40 training images of dataset synthetic:7:40:20"
                + " (extraCells[1].dataset)", e.getMessage());
        assertEquals(List.of(earlier), files(out), "what was there is kept");

        HarnessException whole = assertThrows(HarnessException.class, () -> MatrixExpander.expand(
                MATRIX.toBuilder()
                        .dataset("mnist-sample").epochs("1").batchSize("9000").maxStepsPerEpoch("1").build(), dir, Extensions.engine()));
        assertEquals("batchSize is 9000; allowed: at most the 8004 training images of dataset mnist-sample (dataset)",
                whole.getMessage());
    }

    @Test
    void aBadBaselineFailsBeforeAnyCellRuns() throws Exception {
        Path baseline = dir.resolve("ff-baseline.json");
        Files.writeString(baseline, "<html>not json</html>");
        Path out = dir.resolve("out");

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(
                new Harness.BenchmarkRequest(MATRIX, null, FaultChild.request(out, dir, false).fork(),
                        GateParameters.defaults(), baseline, out, List.of(), false, null, null), log));

        // named relative to the project directory (the forks' working directory)
        assertTrue(e.getMessage().startsWith("file ff-baseline.json is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; allowed: a baseline document written by ff-maven-plugin"), e.getMessage());
        assertFalse(Files.exists(out), "no cell ran, nothing was written");
    }

    @Test
    void aDivergingCellIsStoppedAndRecordedAsFailedWithItsReason() throws Exception {
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
                .dataset("synthetic:7:400:100").epochs("1").batchSize("50")
                .learningRate("1e30").maxStepsPerEpoch("2").build();
        Path out = dir.resolve("out");

        Harness.Outcome outcome = Harness.benchmark(new Harness.BenchmarkRequest(matrix, null,
                FaultChild.request(out, dir, false).fork(), GateParameters.defaults(), null, out, List.of(), false, null, null), log);

        CellRecord cell = outcome.results().cells().get(0);
        assertFalse(cell.isPassed());
        assertEquals(null, cell.result(), "no garbage accuracy");
        assertTrue(cell.failure().startsWith("training diverged (the cell was stopped, no accuracy is reported):"
                + " backprop's loss is NaN in epoch 1 (phase 'all layers')"), cell.failure());
        assertTrue(cell.failure().contains("lower the learning rate (1.0E30)"), cell.failure());
        assertEquals(cell, Json.mapper().readValue(out.resolve("cells/" + cell.id() + ".json").toFile(), CellRecord.class));
        assertTrue(outcome.failedCellsMessage().contains(cell.id() + ": training diverged"), outcome.failedCellsMessage());
    }

    @Test
    void aBaselineFromAnotherEnvironmentIsAWarningInTheLogAndTheSummary() throws Exception {
        CellRecord now = TestCells.passed(0, "ff-d2", TestCells.spec("ff-base", 2, 16, 1), 1000, 500, 0.9);
        Path results = dir.resolve("results.json");
        ResultsFiles.write(results, TestCells.results(List.of(now)));
        Path baseline = dir.resolve("ff-baseline.json");
        dev.ffbench.experiment.RunEnvironment elsewhere = new dev.ffbench.experiment.RunEnvironment("17.0.15",
                "OpenJDK 64-Bit Server VM", "Linux", "1.0.0-M2.1", "CPU", "OPENBLAS", "SkylakeX", "Intel Xeon", 2, 1);
        EnvironmentFingerprint fingerprint = EnvironmentFingerprint.of(elsewhere);
        ResultsFiles.write(baseline, new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "then", 1,
                List.of(), fingerprint, List.of(now)));

        Harness.Outcome outcome = Harness.check(new Harness.CheckRequest(List.of(results), GateParameters.defaults(),
                baseline, dir.resolve("out"), List.of(), null, null, null, false), log);

        String warning = "the baseline was measured in another environment (OPENBLAS_CORETYPE SkylakeX (baseline) vs Haswell"
                + " (now); cpu Intel Xeon (baseline) vs AMD EPYC (now)): memory bytes compare, speed does not";
        assertTrue(lines.contains("WARN " + warning), lines.toString());
        assertTrue(Files.readString(dir.resolve("out/summary.md")).contains(warning));
        assertFalse(outcome.hasViolations(), "a warning, not a failure");
    }

    /** Alive and not a zombie (an exited orphan that its new parent has not reaped yet holds nothing and writes nothing). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aCellEndsByItselfWhenTheBuildIsKilledWithSigkill() throws Exception {
        Path out = dir.resolve("orphaned");
        Process harness = child(dir.resolve("child.log"), "long", out.toString(), dir.toString());
        ProcessHandle cell = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            // until the cell's JVM has worked 3 s of CPU: started, ND4J loaded, training (50 epochs at width 2000: minutes)
            while (cell == null || cell.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() < 3000) {
                assertTrue(harness.isAlive(), "the harness ended early: " + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "no cell JVM at work within 2 minutes; the harness's"
                        + " descendants: " + harness.descendants().map(p -> p.pid() + " " + p.info().totalCpuDuration()
                        + " " + Processes.commandLine(p)).toList()
                        + "; its output: " + Files.readString(dir.resolve("child.log")));
                cell = harness.descendants().filter(p -> Processes.commandLine(p).contains(ForkOptions.ENGINE_MAIN_CLASS))
                        .findFirst().orElse(null);
                Thread.sleep(50);
            }
            assertTrue(running(cell), "the cell is still training");

            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing kills the fork for it
            assertTrue(harness.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, harness.exitValue(), "killed by signal 9");

            long killed = System.nanoTime();
            while (running(cell)) {
                assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10),
                        "the cell's JVM " + cell.pid() + " still runs 10 s after its parent was killed");
                Thread.sleep(50);
            }
        } finally {
            harness.destroyForcibly();
            if (cell != null) {
                cell.destroyForcibly();
            }
        }
        String id = "backprop-d2-w2000-s1";
        String cellLog = Files.readString(out.resolve("work/" + id + ".log"));
        assertTrue(cellLog.contains("ff-engine: the parent process " + harness.pid() + " is gone (the build was killed):"
                + " this cell's JVM stops without writing its result (exit code 3)"), cellLog);
        assertFalse(Files.exists(out.resolve("work/" + id + ".result.json")), "no result written by the orphan");
        assertEquals(List.of(), cellFiles(out), "no cell record: the cell is missing, for -Dff.resume");
    }

    @Test
    void anOutputDirectoryThatIsAFileIsNamedWithTheReasonBeforeAnythingRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "my notes");
        MatrixParameters badDepth = MATRIX.toBuilder().depths("0").build();

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(new Harness.BenchmarkRequest(
                badDepth, null, FaultChild.request(file, dir, false).fork(), GateParameters.defaults(), null, file,
                List.of(), false, null, null), log));

        assertEquals(List.of(new Problem("depths", "0", "a whole number >= 1"), Problem.found("outputDirectory " + file,
                "is a regular file", "a directory (it is created if missing)")), e.typedProblems(), "all at once, as data");
        assertEquals(e.typedProblems().stream().map(Problem::message).toList(), e.problems());
        assertEquals("my notes", Files.readString(file));
        assertEquals(List.of(), lines, "nothing ran");

        Path below = file.resolve("ff-benchmark");
        HarnessException under = assertThrows(HarnessException.class, () -> Harness.benchmark(new Harness.BenchmarkRequest(
                MATRIX, null, FaultChild.request(below, dir, false).fork(), GateParameters.defaults(), null, below,
                List.of(), false, null, null), log));
        assertEquals("outputDirectory " + below + " cannot be created: " + file + " is a regular file; allowed: a directory"
                + " (it is created if missing)", under.getMessage());

        // ff:check and ff:report: the same, before reading any results
        HarnessException check = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                List.of(dir.resolve("results.json")), GateParameters.defaults(), null, file, List.of(), null, null, null, false), log));
        assertEquals("outputDirectory " + file + " is a regular file; allowed: a directory (it is created if missing)",
                check.getMessage());

        // the kind beyond outputDirectory: a baseline or results path that is a directory says so
        Path directory = Files.createDirectories(dir.resolve("ff-baseline.json"));
        HarnessException baseline = assertThrows(HarnessException.class,
                () -> Harness.baseline(List.of(dir.resolve("results.json")), directory, null, log));
        assertEquals(List.of(Problem.found("baseline " + directory, "is a directory", "a file, written by ff:baseline"
                + " (default ff-baseline.json in the project)")), baseline.typedProblems());
        HarnessException results = assertThrows(HarnessException.class,
                () -> ResultsFiles.read(directory, ResultsDocument.RESULTS));
        assertEquals("results file " + directory + " is a directory; allowed: a results document written by"
                + " ff-maven-plugin", results.getMessage());
    }

    @Test
    void checkNamesOnlyLogFoldersThatExist() throws Exception {
        CellRecord passed = TestCells.passed(0, "ff-d2", TestCells.spec("ff-base", 2, 16, 1), 1000, 500, 0.9);
        CellRecord crashed = TestCells.failed(1, "bp-d2", TestCells.spec("backprop", 2, 16, 1), "the JVM crashed");
        CellRecord rejected = TestCells.failed(2, "bp-d3", TestCells.spec("backprop", 3, 16, 1), "the engine rejected it");
        ResultsDocument document = ResultsDocument.results("2026-01-01T00:00:00Z", 3, List.of(),
                List.of(passed, crashed, rejected));
        // a benchmark's output directory: results.json beside cells/ with the logs
        Path run = dir.resolve("run");
        ResultsFiles.write(run.resolve("results.json"), document);
        Files.createDirectories(run.resolve("cells"));
        Files.writeString(run.resolve("cells/bp-d2.log"), "crash\n");
        Files.writeString(run.resolve("cells/bp-d3.log"), "rejected\n");

        // ff:check of those results into another output directory: the logs are where the run wrote them
        Harness.Outcome here = Harness.check(new Harness.CheckRequest(List.of(run.resolve("results.json")),
                GateParameters.defaults(), null, dir.resolve("checked"), List.of(), null, null, null, false), log);
        assertEquals("2 of 3 cells failed (logs in " + run.resolve("cells") + "):\n"
                + "  bp-d2: the JVM crashed\n"
                + "  bp-d3: the engine rejected it", here.failedCellsMessage());
        assertFalse(Files.exists(dir.resolve("checked/cells")), "the check writes no cells/ of its own");

        // one log lost: the other is named on its line
        Files.delete(run.resolve("cells/bp-d3.log"));
        Harness.Outcome partly = Harness.check(new Harness.CheckRequest(List.of(run.resolve("results.json")),
                GateParameters.defaults(), null, dir.resolve("checked"), List.of(), null, null, null, false), log);
        assertEquals("2 of 3 cells failed:\n"
                + "  bp-d2: the JVM crashed (log: " + run.resolve("cells/bp-d2.log") + ")\n"
                + "  bp-d3: the engine rejected it\n"
                + "The other cells' log files are not beside the results (no " + run.resolve("cells") + "/<id>.log); the"
                + " last 20 lines of each failed cell's log are kept as logTail in " + dir.resolve("checked/results.json"),
                partly.failedCellsMessage());

        // results downloaded without their cells/ folder (a CI artifact of results.json alone): no folder is named
        Path downloaded = dir.resolve("downloaded/results.json");
        Files.createDirectories(downloaded.getParent());
        Files.copy(run.resolve("results.json"), downloaded);
        Harness.Outcome elsewhere = Harness.check(new Harness.CheckRequest(List.of(downloaded), GateParameters.defaults(),
                null, dir.resolve("checked"), List.of(), null, null, null, false), log);
        assertEquals("2 of 3 cells failed:\n"
                + "  bp-d2: the JVM crashed\n"
                + "  bp-d3: the engine rejected it\n"
                + "Their log files are not beside the results (no " + dir.resolve("downloaded/cells") + "/<id>.log); the"
                + " last 20 lines of each failed cell's log are kept as logTail in " + dir.resolve("checked/results.json"),
                elsewhere.failedCellsMessage());
        assertEquals(List.of("last line"), ResultsFiles.read(dir.resolve("checked/results.json"), ResultsDocument.RESULTS)
                .failedCells().get(0).logTail(), "where the message points");
    }
}
