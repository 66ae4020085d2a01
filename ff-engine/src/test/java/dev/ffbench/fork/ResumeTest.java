package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetFingerprint;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import dev.ffbench.results.TestCells;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Dff.resume keeps a cell only when it passed, with its spec, its figures in range and on the data there now. */
class ResumeTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    /** An MNIST-format IDX directory: 100 train and 20 test images of 28 x 28, labels 0..9, pixels from {@code seed}. */
    private static void idx(Path directory, long seed) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        for (String split : List.of("train", "t10k")) {
            int count = split.equals("train") ? 100 : 20;
            byte[] pixels = new byte[count * 28 * 28];
            random.nextBytes(pixels);
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                labels[i] = (byte) (i % 10);
            }
            Files.write(directory.resolve(split + "-images-idx3-ubyte"), concat(ints(0x803, count, 28, 28), pixels));
            Files.write(directory.resolve(split + "-labels-idx1-ubyte"), concat(ints(0x801, count), labels));
        }
    }

    private static byte[] ints(int... values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private Harness.BenchmarkRequest request(Path out, boolean resume) {
        // a project's classes beside the engine's, as the plugin's forks have them
        List<Path> classpath = java.util.stream.Stream.concat(Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(Path::of), java.util.stream.Stream.of(dir.resolve("project-classes"))).toList();
        ForkOptions fork = new ForkOptions(ForkOptions.currentJava(), classpath, List.of("-Xmx512m"), Duration.ofMinutes(5),
                1, dir);
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
                .dataset("data").epochs("1").batchSize("50").maxStepsPerEpoch("2").build();
        return new Harness.BenchmarkRequest(matrix, null, fork, GateParameters.defaults(), dir.resolve("no-baseline.json"),
                out, List.of(), resume, null, null);
    }

    @Test
    void aCellMeasuredOnDataReplacedUnderTheSameNamesRunsAgainWithALineSayingWhatChanged() throws Exception {
        idx(dir.resolve("data"), 1);
        Path project = Files.createDirectories(dir.resolve("project-classes/com/acme"));
        Files.writeString(project.resolve("MyFf.class"), "the project's algorithm, version 1");
        Path out = dir.resolve("out");
        CellRecord first = Harness.benchmark(request(out, false), log).results().cells().get(0);
        assertTrue(first.isPassed(), first.toString());
        String id = first.id();

        // the same data: the cell is kept
        Harness.Outcome same = Harness.benchmark(request(out, true), log);
        assertTrue(log.lines().contains("resume: 1 of 1 cells already passed in " + out.resolve("cells")
                + " and are kept; 0 run now"), log.lines().toString());
        assertEquals(first.result(), same.results().cells().get(0).result());

        // the project's algorithm changed since: its old figures would pass unmeasured, so the cell runs again
        Files.writeString(project.resolve("MyFf.class"), "the project's algorithm, version 2");
        log.lines().clear();
        Harness.Outcome otherCode = Harness.benchmark(request(out, true), log);
        assertTrue(log.lines().contains("resume: 0 of 1 cells already passed in " + out.resolve("cells")
                + " and are kept; 1 run now"), log.lines().toString());
        assertTrue(log.lines().contains("WARN resume: cell " + id + " was measured with other code than the cells run now"
                + " (the classes on the forks' class path changed since: the project's or the engine's); it runs again"),
                log.lines().toString());
        assertNotEquals(first.code(), otherCode.results().cells().get(0).code());

        // other pixels in files of the same names and sizes: the cell runs again, on the data there now
        idx(dir.resolve("data"), 2);
        log.lines().clear();
        Harness.Outcome changed = Harness.benchmark(request(out, true), log);

        DatasetFingerprint then = first.result().dataset().fingerprint();
        DatasetFingerprint now = changed.results().cells().get(0).result().dataset().fingerprint();
        assertNotEquals(then.contentHash(), now.contentHash());
        assertEquals(then.files(), now.files(), "the same names and sizes");
        assertTrue(log.lines().contains("resume: 0 of 1 cells already passed in " + out.resolve("cells")
                + " and are kept; 1 run now"), log.lines().toString());
        assertTrue(log.lines().contains("WARN resume: dataset data holds other data than when cell " + id + " was measured"
                + " on it (content " + then.brief() + " then, " + now.brief() + " now: the same files and sizes, other"
                + " content); it runs again"), log.lines().toString());
        assertEquals(List.of(now.contentHash()), ResultsFiles.read(out.resolve("results.json"), ResultsDocument.RESULTS)
                .cells().stream().map(c -> c.result().dataset().fingerprint().contentHash()).toList(), "one dataset hash");

        // without -Dff.resume the cell records go, and the log says so and how they could have been kept
        log.lines().clear();
        Harness.benchmark(request(out, false), log);
        assertTrue(log.lines().contains("removed the previous run's 1 cell record from out/cells"
                + " (-Dff.resume keeps the passed ones of an interrupted run)"), log.lines().toString());
    }

    @Test
    void aCellFileWithFiguresOutOfRangeOrNoDatasetFingerprintOrUnreadableDataIsNotReused() throws Exception {
        OutputLayout layout = new OutputLayout(dir.resolve("out"));
        Files.createDirectories(layout.cells());
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(java.util.Map.of("algorithm", "backprop",
                "depth", "2", "width", "16", "seed", "1", "batchSize", "256", "dataset", "synthetic:7:400:101"));
        String code = "sha256:the-code-run-now";
        List<CellRecord> records = List.of(
                TestCells.passed(0, "kept", TestCells.spec("ff-base", 2, 16, 1), 1000, 500, 0.9).withCode(code),
                TestCells.passed(1, "also-kept", TestCells.spec("ff-base", 2, 16, 2), 1000, 500, 0.9).withCode(code),
                TestCells.passed(2, "negative", TestCells.spec("ff-base", 2, 16, 3), 1000, -500, 0.9).withCode(code),
                TestCells.withData(TestCells.passed(3, "unrecorded", TestCells.spec("ff-base", 2, 16, 4), 1000, 500, 0.9),
                        null).withCode(code),
                TestCells.passed(4, "unreadable", dev.ffbench.experiment.SpecResolver.engine().resolve(fields), 1000, 500,
                        0.9).withCode(code),
                TestCells.passed(5, "unknown-code", TestCells.spec("ff-base", 2, 16, 5), 1000, 500, 0.9));
        for (CellRecord record : records) {
            Files.writeString(layout.cells().resolve(record.id() + ".json"), Json.write(record));
        }
        List<Cell> cells = records.stream().map(r -> new Cell(r.index(), r.id(), r.spec())).toList();
        List<String> reads = new java.util.ArrayList<>();

        List<CellRecord> kept = Resume.finishedCells(cells, layout, code, dataset -> {
            reads.add(dataset);
            if (!dataset.equals("synthetic:7:400:100")) {
                throw new DatasetException(Problem.found("dataset " + dataset, "cannot be generated", "synthetic:7:400:100"));
            }
            return TestCells.DATA.fingerprint();
        }, log);

        assertEquals(records.subList(0, 2), kept);
        assertEquals(List.of("synthetic:7:400:100", "synthetic:7:400:101"), reads, "each dataset read once");
        Path negative = layout.cells().resolve("negative.json");
        assertEquals("WARN resume: cell files not reused, their cells run again: negative (file " + negative + ": cell"
                + " negative has memory.evaluationPeak.parameters -500; allowed: a byte count >= 0); unrecorded (its result"
                + " records no dataset fingerprint, so whether dataset synthetic:7:400:100 changed since cannot be told);"
                + " unreadable (dataset synthetic:7:400:101 cannot be read now: dataset synthetic:7:400:101 cannot be"
                + " generated; allowed: synthetic:7:400:100)", log.lines().get(log.lines().size() - 1));
        assertEquals("resume: 2 of 6 cells already passed in " + layout.cells() + " and are kept; 4 run now",
                log.lines().get(0));
        assertTrue(log.lines().contains("WARN resume: cell unknown-code was measured with other code than the cells run"
                + " now (the classes on the forks' class path changed since: the project's or the engine's); it runs again"),
                log.lines().toString());
    }
}
