package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** One real forked JVM per test, started with a fixture main class in place of the engine's command line. */
class ForkedCellRunnerTest {
    @TempDir
    Path dir;

    private ForkOptions fork(List<String> jvmArgs) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return new ForkOptions(ForkOptions.currentJava(), classpath, jvmArgs, Duration.ofMinutes(5), 1, dir);
    }

    @Test
    void aNativeCrashIsRecordedWithTheJvmsOwnSummaryAndItsCrashFilesStayInTheOutputDirectory() throws Exception {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.createDirectories(layout.work());
        Cell cell = new Cell(0, "backprop-d1-w16-s1", TestCells.spec("backprop", 1, 16, 1));
        Path staleReport = layout.crashReport(cell.id());
        Files.createDirectories(staleReport.getParent());
        Files.writeString(staleReport, "# an earlier run's report\n");

        // the fork's working directory is dir, as the project's base directory is for ff:benchmark
        CellRecord record = new ForkedCellRunner(fork(List.of("-Xmx256m")), layout, NativeCrash.class.getName(), "sha256:test").run(cell);

        assertFalse(record.isPassed());
        Path report = layout.crashReport(cell.id());
        assertTrue(record.failure().matches("the JVM crashed \\(exit code \\d+(, killed by signal \\d+)?\\): SIGSEGV \\(0xb\\)"
                + " at pc=0x[0-9a-f]+, pid=\\d+, tid=\\d+; problematic frame: V \\[libjvm\\.so\\+0x[0-9a-f]+\\]"
                + " Unsafe_PutLong\\+0x[0-9a-f]+; crash report: " + java.util.regex.Pattern.quote(report.toString())),
                record.failure());
        String reportText = Files.readString(report);
        assertTrue(reportText.startsWith("#\n# A fatal error has been detected by the Java Runtime Environment:"), reportText);
        assertTrue(reportText.contains("NativeCrash"), "this run's report, not the stale one");
        assertTrue(record.logTail().contains("NativeCrash: writing to address 0"), record.logTail().toString());
        try (var files = Files.walk(dir)) {
            List<Path> crashFiles = files.filter(p -> p.getFileName().toString().matches("(hs_err|replay)_pid.*|core(\\..*)?"))
                    .toList();
            assertEquals(List.of(), crashFiles, "no crash file in the working directory or anywhere but cells/");
        }
    }

    @Test
    void aForkWhoseResultIsOfAnotherSpecThanItWasSentFailsItsCell() throws Exception {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.createDirectories(layout.work());
        Cell cell = new Cell(0, "backprop-d1-w16-s1", TestCells.spec("backprop", 1, 16, 1));

        CellRecord record = new ForkedCellRunner(fork(List.of("-Xmx512m")), layout, OtherSpecFork.class.getName(), "sha256:test").run(cell);

        assertFalse(record.isPassed(), "a result is stored under its cell's spec only when it is of that spec");
        assertTrue(record.failure().startsWith("the fork's result is of another spec than the cell's ({ \"algorithm\" :"
                + " \"backprop\","), record.failure());
        assertTrue(record.failure().contains("\"seed\" : 2,"), record.failure());
        assertTrue(record.failure().endsWith("; allowed: the spec it was sent (is the fork's class path this plugin's?)"),
                record.failure());
    }

    @Test
    void aForkWhoseResultHoldsAFigureOutOfRangeFailsItsCell() throws Exception {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.createDirectories(layout.work());
        Cell cell = new Cell(0, "backprop-d1-w16-s1", TestCells.spec("backprop", 1, 16, 1));

        CellRecord record = new ForkedCellRunner(fork(List.of("-Xmx512m")), layout, CorruptResultFork.class.getName(), "sha256:test").run(cell);

        assertFalse(record.isPassed(), "a test accuracy of 1.5 is judged by no gate");
        assertEquals("the fork's result has figures out of range: its result has testAccuracy 1.5; allowed: a fraction"
                + " from 0 to 1", record.failure());
    }

    @Test
    void aReportedFailureIsOneLineInTheRecordAndItsWholeStackIsInTheCellsLog() throws Exception {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.createDirectories(layout.work());
        Cell cell = new Cell(0, "backprop-d1-w16-s1", TestCells.spec("backprop", 1, 16, 1));

        CellRecord record = new ForkedCellRunner(fork(List.of("-Xmx256m")), layout, ReportedFailureFork.class.getName(), "sha256:test").run(cell);

        assertEquals("the run failed (exit code 1): algorithm own (built in) failed: java.lang.IllegalStateException: boom",
                record.failure(), "the reason the build shows grows no stack");
        assertEquals(List.of("ReportedFailureFork: training"), record.logTail(), "the tail is the fork's own output");
        String log = Files.readString(layout.cells().resolve(cell.id() + ".log"));
        assertEquals("ReportedFailureFork: training" + System.lineSeparator() + System.lineSeparator()
                + "ff-bench: the fork's failure (MODEL_FAILED) with its whole stack, as the engine reported it:"
                + System.lineSeparator() + "dev.ffbench.experiment.ModelFailedException: ..." + System.lineSeparator()
                + "\tat com.acme.Own.train(Own.java:57)" + System.lineSeparator(), log);
    }
}
