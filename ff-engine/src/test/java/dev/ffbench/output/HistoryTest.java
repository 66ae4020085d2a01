package dev.ffbench.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.GateKind;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.results.Metric;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import dev.ffbench.results.TestCells;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    static ResultsDocument run(String generatedAt, long trainingPeak) {
        return ResultsDocument.results(generatedAt, 2, List.of(), List.of(
                TestCells.passed(0, "ff-base-sum-squares-d2-w16-s1", TestCells.spec("ff-base", 2, 16, 1), trainingPeak, 500, 0.9),
                TestCells.failed(1, "backprop-d2-w16-s1", TestCells.spec("backprop", 2, 16, 1), "timed out")));
    }

    Path record(ResultsDocument results) throws IOException {
        Path file = project.resolve("target/ff-benchmark/results.json");
        ResultsFiles.write(file, results);
        return Harness.history(new Harness.HistoryRequest(List.of(file), project.resolve("ff-history"), project), log);
    }

    /** Records {@code results} with the verdict ff:benchmark wrote beside them for {@code violations} failed gates of 3. */
    Path record(ResultsDocument results, int violations) throws IOException {
        List<GateOutcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            outcomes.add(new GateOutcome(GateKind.BASELINE, "c" + i, Metric.TRAINING_PEAK_BYTES, "at most +0.00 %", 1.0, 1.0,
                    i < violations ? GateOutcome.Status.FAILED : GateOutcome.Status.PASSED, "detail"));
        }
        HistoryVerdict.write(new OutputLayout(project.resolve("target/ff-benchmark")), results,
                new GateReport(outcomes, List.of()));
        return record(results);
    }

    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsAreAppendedOneFilePerRunNamedToSortByTimeAndTheSameResultsOnlyOnce() throws IOException {
        record(run("2026-11-02T10:00:00Z", 2000));
        record(run("2026-11-01T09:30:00Z", 1000));
        Path third = record(run("2026-11-03T11:15:42Z", 3000));

        assertEquals(List.of("20261101T093000Z-nocommit.json", "20261102T100000Z-nocommit.json",
                "20261103T111542Z-nocommit.json"), names(project.resolve("ff-history")), "a plain listing is in time order");
        assertEquals("history: no target/ff-benchmark/gates.json beside the results, so the gates' verdict is recorded as"
                + " unknown (it is written by ff:benchmark and ff:check from this plugin version on)", log.lines().get(4));
        assertEquals("history: recorded the run of 2026-11-03T11:15:42Z (no commit: git or a repository is missing,"
                + " 2 cells, gates' verdict unknown) as ff-history/20261103T111542Z-nocommit.json; ff-history holds 3 runs",
                log.lines().get(5));

        History history = History.read(project.resolve("ff-history"), new ProjectPaths(project));
        assertEquals(List.of("2026-11-01T09:30:00Z", "2026-11-02T10:00:00Z", "2026-11-03T11:15:42Z"),
                history.runs().stream().map(r -> r.entry().generatedAt()).toList());
        HistoryEntry entry = history.runs().get(2).entry();
        assertEquals(HistoryEntry.SCHEMA_VERSION, entry.schemaVersion());
        assertNull(entry.commit());
        assertEquals(TestCells.ENVIRONMENT.cpuModel(), entry.fingerprint().cpuModel());
        HistoryEntry.CellFigures cell = entry.cells().get(0);
        assertEquals("ff-base-sum-squares-d2-w16", cell.group());
        assertEquals(1, cell.seed());
        assertEquals(3000.0, cell.metric(Metric.TRAINING_PEAK_BYTES));
        assertEquals(500.0, cell.metric(Metric.EVALUATION_PEAK_BYTES));
        assertEquals(0.9, cell.metric(Metric.TEST_ACCURACY));
        assertTrue(!entry.cells().get(1).passed() && entry.cells().get(1).metrics().isEmpty(), "a failed cell has no figures");
        assertNull(entry.gates(), "no verdict beside the results: unknown");

        Path again = record(run("2026-11-03T11:15:42Z", 3000));
        assertEquals(third, again);
        assertEquals(3, names(project.resolve("ff-history")).size(), "nothing appended twice");
        assertEquals("history: the results of 2026-11-03T11:15:42Z (no commit) are already recorded as"
                + " ff-history/20261103T111542Z-nocommit.json; nothing appended", log.lines().get(7));
    }

    @Test
    void theVerdictWrittenBesideTheResultsIsRecordedAndOldEntriesWithoutOneStillRead() throws IOException {
        Path failed = record(run("2026-11-02T10:00:00Z", 2000), 2);
        assertEquals("history: recorded the run of 2026-11-02T10:00:00Z (no commit: git or a repository is missing,"
                + " 2 cells, gates failed (2 violations)) as ff-history/20261102T100000Z-nocommit.json; ff-history holds 1 run",
                log.lines().get(0));
        assertEquals("{\"verdict\":\"failed\",\"violations\":2}",
                Json.mapper().readTree(failed.toFile()).get("gates").toString(), "the history file's field");
        record(run("2026-11-03T10:00:00Z", 2000), 0);

        // a run recorded before history files had the verdict
        Path old = project.resolve("ff-history/20261101T100000Z-nocommit.json");
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(failed.toFile());
        tree.remove("gates");
        tree.put("generatedAt", "2026-11-01T10:00:00Z");
        Files.writeString(old, Json.write(tree));

        History history = History.read(project.resolve("ff-history"), new ProjectPaths(project));
        assertEquals(java.util.Arrays.asList(null, true, false),
                history.runs().stream().map(run -> run.entry().gatesFailed()).toList());
        assertEquals(new HistoryEntry.Gates("failed", 2), history.runs().get(1).entry().gates());
        assertEquals(new HistoryEntry.Gates("passed", 0), history.runs().get(2).entry().gates());
    }

    @Test
    void aVerdictOfOtherResultsOrOfAShardIsNoVerdict() throws IOException {
        HistoryVerdict.write(new OutputLayout(project.resolve("target/ff-benchmark")), run("2026-11-01T10:00:00Z", 1),
                new GateReport(List.of(new GateOutcome(GateKind.BASELINE, "c", Metric.TRAINING_PEAK_BYTES, "b", 1.0, 1.0,
                        GateOutcome.Status.FAILED, "d")), List.of()));
        Path file = record(run("2026-11-02T10:00:00Z", 2000));
        assertEquals("WARN history: target/ff-benchmark/gates.json judged the results of 2026-11-01T10:00:00Z, not these"
                + " (of 2026-11-02T10:00:00Z), so the gates' verdict is recorded as unknown", log.lines().get(0));
        assertNull(Json.mapper().readValue(file.toFile(), HistoryEntry.class).gates());

        Path verdict = project.resolve("target/ff-benchmark/gates.json");
        ResultsDocument shard = ResultsDocument.results("2026-11-02T10:00:00Z", 4, List.of("1/2"), run("x", 1).cells());
        HistoryVerdict.write(new OutputLayout(project.resolve("target/ff-benchmark")), shard, GateReport.none("deferred"));
        assertTrue(Files.notExists(verdict), "a shard's gates are judged on the merged results: no verdict, the old one gone");
        HistoryVerdict.write(new OutputLayout(project.resolve("target/ff-benchmark")), run("2026-11-04T10:00:00Z", 1),
                GateReport.none("no gate judged"));
        assertTrue(Files.notExists(verdict), "no gate judged: no verdict (no pass either)");
    }

    @Test
    void aVerdictOutOfItsRangeIsNamedInTheHistoryFileAndInTheVerdictFile() throws IOException {
        Path file = record(run("2026-11-02T10:00:00Z", 2000), 1);
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(file.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode gates = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("gates");
        ProjectPaths paths = new ProjectPaths(project);
        String where = "history file ff-history/" + file.getFileName();
        String consistent = "\"passed\" with 0 violations, or \"failed\" with 1 or more";

        gates.put("verdict", "maybe");
        gates.put("violations", -1);
        Files.writeString(file, Json.write(tree));
        assertEquals(List.of(Problem.found(where, "has gates.verdict 'maybe'", "\"passed\" or \"failed\""),
                Problem.found(where, "has gates.violations -1", "a count >= 0 of the gates that failed")),
                assertThrows(HarnessException.class, () -> History.read(project.resolve("ff-history"), paths)).typedProblems());

        gates.put("verdict", "passed");
        gates.put("violations", 2);
        Files.writeString(file, Json.write(tree));
        assertEquals(List.of(Problem.found(where, "has gates.verdict \"passed\" with gates.violations 2", consistent)),
                assertThrows(HarnessException.class, () -> History.read(project.resolve("ff-history"), paths)).typedProblems());

        gates.remove("violations");
        Files.writeString(file, Json.write(tree));
        assertEquals(List.of(Problem.found(where, "has gates.violations (none)", "a count >= 0 of the gates that failed")),
                assertThrows(HarnessException.class, () -> History.read(project.resolve("ff-history"), paths)).typedProblems());

        Files.delete(file);
        Path verdict = project.resolve("target/ff-benchmark/gates.json");
        Files.writeString(verdict, "{\"kind\": \"gates\", \"generatedAt\": \"2026-11-02T10:00:00Z\","
                + " \"gates\": {\"verdict\": \"failed\", \"violations\": 0}}");
        assertEquals(List.of(Problem.found("gates verdict target/ff-benchmark/gates.json",
                "has gates.verdict \"failed\" with gates.violations 0", consistent)),
                assertThrows(HarnessException.class, () -> record(run("2026-11-02T10:00:00Z", 2000))).typedProblems());
        Files.writeString(verdict, "{ not json");
        HarnessException notJson = assertThrows(HarnessException.class, () -> record(run("2026-11-02T10:00:00Z", 2000)));
        assertTrue(notJson.getMessage().startsWith("gates verdict target/ff-benchmark/gates.json is not valid ("),
                notJson.getMessage());
        assertTrue(notJson.getMessage().endsWith("); allowed: the gates.json that ff:benchmark or ff:check writes beside"
                + " results.json (JSON with kind \"gates\", generatedAt and gates); delete it to record the run with its"
                + " gates' verdict unknown"), notJson.getMessage());
        assertTrue(Files.notExists(project.resolve("ff-history/" + file.getFileName())), "nothing recorded");
    }

    @Test
    void inAGitRepositoryTheRunRecordsItsCommit() throws Exception {
        git("init", "-q");
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        git("add", "pom.xml");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "one");
        String head = git("rev-parse", "HEAD").trim();

        Path file = record(run("2026-11-02T10:00:00Z", 2000));

        assertEquals("20261102T100000Z-" + head.substring(0, 7) + ".json", file.getFileName().toString());
        assertEquals(head, Json.mapper().readValue(file.toFile(), HistoryEntry.class).commit());
    }

    @Test
    void badFilesInTheHistoryAreNamedWithWhatIsWrongAndOthersAreLeftAlone() throws IOException {
        Path dir = Files.createDirectories(project.resolve("ff-history"));
        Files.writeString(dir.resolve("README.md"), "our benchmark history");
        Files.writeString(dir.resolve(".20261101T000000Z-x.json.1234.tmp"), "{");
        record(run("2026-11-02T10:00:00Z", 2000));
        ProjectPaths paths = new ProjectPaths(project);
        assertEquals(1, History.read(dir, paths).runs().size(), "a README and a temporary file are not runs");

        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1,");
        HarnessException notJson = assertThrows(HarnessException.class, () -> History.read(dir, paths));
        assertTrue(notJson.getMessage().startsWith("history file ff-history/broken.json is not valid JSON ("), notJson.getMessage());
        assertTrue(notJson.getMessage().endsWith("); allowed: a history file written by ff:history (JSON with schemaVersion 1,"
                + " kind \"history\", generatedAt and cells). Move the file out of the history directory or delete it"),
                notJson.getMessage());

        ResultsFiles.write(dir.resolve("broken.json"), run("2026-11-02T10:00:00Z", 2000));
        HarnessException results = assertThrows(HarnessException.class, () -> History.read(dir, paths));
        assertEquals(List.of(Problem.found("history file ff-history/broken.json", "has kind \"results\"", "\"history\" (a"
                + " results or baseline file does not belong in the history directory: record results with mvn ff:history)")),
                results.typedProblems());

        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 7, \"kind\": \"history\"}");
        assertEquals(List.of(Problem.found("history file ff-history/broken.json", "has schemaVersion 7",
                "1 (this plugin's history schema)")),
                assertThrows(HarnessException.class, () -> History.read(dir, paths)).typedProblems());

        Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": 1, \"kind\": \"history\", \"recordedAt\": \"x\"}");
        assertEquals("history file ff-history/broken.json has no generatedAt and no cells; allowed: a history file written by"
                + " ff:history (JSON with schemaVersion 1, kind \"history\", generatedAt and cells)",
                assertThrows(HarnessException.class, () -> record(run("2026-11-05T10:00:00Z", 1))).getMessage(),
                "ff:history refuses to append to a history it cannot read");
    }

    @Test
    void figuresOutOfTheirRangeInAHistoryFileAreNamedAllAtOnce() throws IOException {
        Path file = record(run("2026-11-02T10:00:00Z", 2000));
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(file.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode metrics =
                (com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/cells/0/metrics");
        metrics.put("trainingPeakBytes", -2000);
        metrics.put("testAccuracy", 1.5);
        Files.writeString(file, Json.write(tree));

        HarnessException e = assertThrows(HarnessException.class,
                () -> History.read(project.resolve("ff-history"), new ProjectPaths(project)));

        String where = "history file ff-history/" + file.getFileName() + ": cell ff-base-sum-squares-d2-w16-s1";
        assertEquals(List.of(Problem.found(where, "has metrics.trainingPeakBytes -2000.0", ResultsFiles.BYTES),
                Problem.found(where, "has metrics.testAccuracy 1.5", ResultsFiles.FRACTION)), e.typedProblems());
        // the wording, pinned once for the package: users read it
        assertEquals(where + " has metrics.testAccuracy 1.5; allowed: a fraction from 0 to 1", e.problems().get(1));
    }

    @Test
    void aShardAloneIsRefusedAndAFileIsNoHistoryDirectory() throws IOException {
        ResultsDocument shard = ResultsDocument.results("2026-11-02T10:00:00Z", 4, List.of("1/2"), run("x", 1).cells());
        HarnessException e = assertThrows(HarnessException.class, () -> record(shard));
        assertEquals("results target/ff-benchmark/results.json hold shard(s) 1/2 of a 4-cell matrix, 2 cells; allowed: the"
                + " whole matrix, so that every run of the history has the same cells (run ff:history on the results.json that"
                + " ff:check wrote from every shard, or list every shard's results.json in ff.results)", e.getMessage());
        assertTrue(Files.notExists(project.resolve("ff-history")), "nothing written");

        Files.writeString(project.resolve("ff-history"), "not a directory");
        assertEquals("historyDirectory ff-history is a file; allowed: a directory of files written by ff:history (or a path"
                + " that does not exist yet)", assertThrows(HarnessException.class,
                        () -> History.read(project.resolve("ff-history"), new ProjectPaths(project))).getMessage());
    }

    private String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
