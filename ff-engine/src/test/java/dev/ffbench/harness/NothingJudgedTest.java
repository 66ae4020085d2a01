package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.fork.ForkOptions;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import dev.ffbench.results.TestCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, kind 1, through the harness's entry points: a gate that cannot judge anything is refused
 * before any cell runs or anything is written, and ff:check refuses results that lack part of the matrix
 * unless that is allowed.
 */
class NothingJudgedTest {
    /** The BASE matrix with depths 1 and 2: two backprop cells. */
    private static final MatrixParameters BASE_TWO_DEPTHS = MatrixParameters.builder().algorithms("backprop")
            .depths("1", "2").widths("16")
            .dataset("synthetic:7:200:50").epochs("1").batchSize("50").maxStepsPerEpoch("2").build();

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private static final String NOTHING_SELECTED = "a selection that matches at least one cell, since a rule that"
            + " selects none would pass without judging anything";

    private static GateParameters rules(Map<String, String> rule) {
        return new GateParameters(List.of(rule), List.of(), null, null, null, null, false);
    }

    @Test
    void aRuleSelectingNoCellOfTheMatrixFailsBeforeAnyCellRunsAlsoInAShard() {
        Path out = dir.resolve("out");
        GateParameters gates = rules(Map.of("depth", "7", "metric", "testAccuracy", "minimum", "0.99"));
        ForkOptions fork = FaultChild.request(out, dir, false).fork();

        for (String shard : new String[] {null, "1/2"}) {
            HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(
                    new Harness.BenchmarkRequest(BASE_TWO_DEPTHS, shard, fork, gates, null, out, List.of(), false, null, null), log));
            // the gates' problem reaches the harness's exception as data (GateCoverageTest pins its sentence)
            assertEquals(List.of(Problem.found("rules[1] (depth=7, testAccuracy at least 99.00 %)", "selects no cell of the"
                    + " matrix (the matrix's 2 cells have depth 1, 2)", NOTHING_SELECTED)), e.typedProblems());
            assertEquals(e.typedProblems().get(0).message(), e.getMessage());
        }
        assertFalse(Files.exists(out), "no cell ran, nothing was written");
    }

    private Path shardResults(String name, int index, String shard) throws Exception {
        CellRecord cell = TestCells.passed(index, "backprop-d" + (index + 1) + "-w16-s1",
                TestCells.spec("backprop", index + 1, 16, 1), 1000, 500, 0.9);
        Path file = dir.resolve(name);
        ResultsFiles.write(file, ResultsDocument.results("2026-01-01T00:00:00Z", 2, List.of(shard), List.of(cell)));
        return file;
    }

    /** Issue 13: ff:check on the results of one shard of two reported "1 of 1 cells passed" and passed. */
    @Test
    void checkRefusesTheResultsOfOneShardUnlessAnIncompleteMatrixIsAllowed() throws Exception {
        Path shard1 = shardResults("shard-1.json", 0, "1/2");
        Path out = dir.resolve("out");
        GateParameters gates = rules(Map.of("metric", "testAccuracy", "minimum", "0.5"));

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                List.of(shard1), gates, null, out, List.of(), dir, null, null, false), log));
        assertEquals(List.of(Problem.found("results shard-1.json", "hold 1 of the matrix's 2 cells (shard 1/2; missing:"
                + " shard 2/2), so the gates would judge part of the matrix and let the rest pass unjudged", "the results"
                + " of every shard, merged (list each shard's results.json in ff.results, comma-separated), or"
                + " allowIncompleteMatrix=true (-Dff.allowIncompleteMatrix=true) to judge only the cells present")),
                e.typedProblems());
        assertEquals(e.typedProblems().get(0).message(), e.getMessage(), "the one problem is the message");
        assertFalse(Files.exists(out), "nothing was written");

        Harness.Outcome allowed = Harness.check(new Harness.CheckRequest(List.of(shard1), gates, null, out, List.of(), dir,
                null, null, true), log);
        String warning = "the results hold 1 of the matrix's 2 cells (shard 1/2; missing: shard 2/2): the gates judge only"
                + " the cells present, and the missing cells pass no gate";
        assertTrue(log.lines().contains("WARN " + warning), log.lines().toString());
        assertTrue(Files.readString(out.resolve("summary.md")).contains(warning));
        assertFalse(allowed.hasViolations());

        // both shards together are the whole matrix: no warning, nothing to allow
        RecordingLog merged = new RecordingLog();
        Path shard2 = shardResults("shard-2.json", 1, "2/2");
        Harness.Outcome whole = Harness.check(new Harness.CheckRequest(List.of(shard2, shard1), gates, null, out, List.of(),
                dir, null, null, false), merged);
        assertEquals(2, whole.gates().outcomes().size());
        assertTrue(merged.lines().stream().noneMatch(line -> line.contains("the results hold")), merged.lines().toString());
    }

    @Test
    void checkRefusesARuleSelectingNoCellOfCompleteResults() throws Exception {
        CellRecord cell = TestCells.passed(0, "backprop-d1-w16-s1", TestCells.spec("backprop", 1, 16, 1), 1000, 500, 0.9);
        Path results = dir.resolve("results.json");
        ResultsFiles.write(results, TestCells.results(List.of(cell)));

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                List.of(results), rules(Map.of("algorithm", "ff-base", "metric", "trainingPeakBytes", "maximum", "100")),
                null, dir.resolve("out"), List.of(), dir, null, null, false), log));

        assertEquals(List.of(Problem.found("rules[1] (algorithm=ff-base, trainingPeakBytes at most 100 B)", "selects no cell"
                + " of the matrix (the matrix's 1 cell has algorithm backprop)", NOTHING_SELECTED)), e.typedProblems());
        assertEquals(e.typedProblems().get(0).message(), e.getMessage());
    }

    @Test
    void aBaselineRecordedFromOneShardSaysWhatItLacks() throws Exception {
        Path shard1 = shardResults("shard-1.json", 0, "1/2");

        Harness.baseline(List.of(shard1), dir.resolve("ff-baseline.json"), dir, log);

        assertTrue(log.lines().contains("WARN the results hold 1 of the matrix's 2 cells (shard 1/2; missing: shard 2/2):"
                + " the baseline gets only these cells, so the cells of the missing part will have no baseline cell to be"
                + " judged against"), log.lines().toString());
    }
}
