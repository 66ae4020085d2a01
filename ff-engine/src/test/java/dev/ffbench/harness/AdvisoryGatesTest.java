package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.Verdict;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import dev.ffbench.results.TestCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, through ff:check's entry point: with failOnViolation=false a violation is reported as
 * always (log, summary, JUnit XML) and the outcome does not fail the build; by default it does.
 */
class AdvisoryGatesTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private Harness.Outcome check(boolean failOnViolation) throws Exception {
        Path results = dir.resolve("results.json");
        ResultsFiles.write(results, TestCells.results(List.of(TestCells.passed(0, "backprop-d2-w16-s1",
                TestCells.spec("backprop", 2, 16, 1), 2_000, 500, 0.9))));
        Path baseline = dir.resolve("ff-baseline.json");
        List<CellRecord> before = List.of(TestCells.passed(0, "backprop-d2-w16-s1", TestCells.spec("backprop", 2, 16, 1),
                1_000, 500, 0.9));
        ResultsFiles.write(baseline, new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-11-01T00:00:00Z", 1, List.of(), EnvironmentFingerprint.of(before), before));
        GateParameters gates = new GateParameters(null, null, null, null, null, null, false, failOnViolation);
        return Harness.check(new Harness.CheckRequest(List.of(results), gates, baseline, dir.resolve("out"), List.of(), dir,
                null, null, false), log);
    }

    @Test
    void advisoryGatesReportTheViolationEverywhereAndDoNotFailTheBuild() throws Exception {
        Harness.Outcome outcome = check(false);

        assertTrue(outcome.hasViolations());
        assertFalse(outcome.violationsFail());
        assertEquals(Verdict.Status.PASSED_WITH_VIOLATIONS, outcome.verdict().status());
        String violation = outcome.gates().violations().get(0).detail();
        int advisory = log.lines().indexOf("WARN the gates are advisory (failOnViolation=false): 1 gate violation (3 gates:"
                + " 2 passed, 1 failed, 0 skipped) is reported (log, summary.md, TEST-ff-benchmark.xml) but does not fail the build:");
        assertTrue(advisory >= 0, log.lines().toString());
        assertEquals("WARN   " + violation, log.lines().get(advisory + 1));
        String summary = Files.readString(dir.resolve("out/summary.md"));
        assertEquals("**FF Bench: passed with violations (advisory)** (1 gate violation): against the baseline 1 regression,"
                + " 0 improvements, 0 unchanged, 0 new, 0 missing; head no commit against baseline no commit.",
                summary.lines().findFirst().get());
        assertTrue(summary.contains("**FAILED**: 3 gates: 2 passed, 1 failed, 0 skipped."), summary);
        String junit = Files.readString(dir.resolve("out/TEST-ff-benchmark.xml"));
        assertTrue(junit.contains("failures=\"1\"") && junit.contains("<failure message=\""), junit);
    }

    @Test
    void byDefaultTheViolationFailsTheBuildAndNothingSaysAdvisory() throws Exception {
        Harness.Outcome outcome = check(true);

        assertTrue(outcome.violationsFail());
        assertEquals(Verdict.Status.FAILED, outcome.verdict().status());
        assertTrue(log.lines().stream().noneMatch(line -> line.contains("advisory")), log.lines().toString());
        assertTrue(Files.readString(dir.resolve("out/summary.md")).startsWith("**FF Bench: failed** (1 gate violation): "));
    }
}
