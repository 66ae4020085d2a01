package dev.ffbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.results.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 21: one verdict, decided in the core, that advisory gates leave passed and failed cells never do. */
class VerdictTest {
    private static final GateOutcome PASSED = new GateOutcome(GateKind.ABSOLUTE, "backprop-d2-w16-s1",
            Metric.TEST_ACCURACY, "at least 50.00 %", 0.9, null, GateOutcome.Status.PASSED, "[absolute] passed");
    private static final GateOutcome VIOLATION = new GateOutcome(GateKind.BASELINE, "backprop-d2-w16-s1",
            Metric.TRAINING_PEAK_BYTES, "at most +0.00 % over the baseline", 2.0, 1.0, GateOutcome.Status.FAILED,
            "[baseline] grew");
    private static final GateReport ONE_VIOLATION = new GateReport(List.of(PASSED, VIOLATION), List.of());
    private static final GateReport ALL_PASSED = new GateReport(List.of(PASSED), List.of());

    @Test
    void aViolationFailsTheVerdictByDefault() {
        Verdict verdict = Verdict.of(ONE_VIOLATION, 0, null, true, "1a2b3c4", null);

        assertEquals(Verdict.Status.FAILED, verdict.status());
        assertTrue(verdict.violationsFail());
        assertFalse(verdict.advisory());
        assertEquals("**FF Bench: failed** (1 gate violation): no baseline (no baseline file at ff-baseline.json); head"
                + " 1a2b3c4.", verdict.line("no baseline file at ff-baseline.json"));
    }

    @Test
    void advisoryGatesPassWithTheirViolationsCounted() {
        Verdict verdict = Verdict.of(ONE_VIOLATION, 0, null, false, "1a2b3c4+uncommitted", null);

        assertEquals(Verdict.Status.PASSED_WITH_VIOLATIONS, verdict.status());
        assertFalse(verdict.violationsFail());
        assertTrue(verdict.advisory());
        assertEquals("**FF Bench: passed with violations (advisory)** (1 gate violation): no baseline (none); head"
                + " 1a2b3c4+uncommitted.", verdict.line("none"));
    }

    @Test
    void aFailedCellFailsTheVerdictEvenWhenTheGatesAreAdvisory() {
        Verdict verdict = Verdict.of(ONE_VIOLATION, 2, null, false, "no commit", null);

        assertEquals(Verdict.Status.FAILED, verdict.status());
        assertFalse(verdict.violationsFail(), "the violations alone would not fail it");
        assertEquals("**FF Bench: failed** (2 failed cells, 1 gate violation (advisory)): no baseline (none); head no"
                + " commit.", verdict.line("none"));
    }

    @Test
    void noViolationAndNoFailedCellPasses() {
        Verdict verdict = Verdict.of(ALL_PASSED, 0, null, true, "1a2b3c4", "ignored without a baseline");

        assertEquals(Verdict.Status.PASSED, verdict.status());
        assertEquals(null, verdict.baselineCommit(), "no baseline, no baseline commit");
        assertEquals("**FF Bench: passed**: no baseline (none); head 1a2b3c4.", verdict.line("none"));
    }

    @Test
    void theCountsComeFromTheComparisonWithMissingBaselineCells() {
        BaselineComparison.Row unchanged = row("a-s1", BaselineComparison.Change.UNCHANGED);
        BaselineComparison comparison = new BaselineComparison("ff-baseline.json", List.of(
                row("r-s1", BaselineComparison.Change.REGRESSION), row("r-s2", BaselineComparison.Change.REGRESSION),
                row("i-s1", BaselineComparison.Change.IMPROVEMENT), unchanged, row("n-s1", BaselineComparison.Change.NEW)),
                List.of("gone-s1", "gone-s2"));

        Verdict verdict = Verdict.of(ALL_PASSED, 0, comparison, true, "1a2b3c4", "9f8e7d6");

        assertEquals(new Verdict.Counts(2, 1, 1, 1, 2, 0, 0, 0), verdict.counts());
        assertEquals("**FF Bench: passed**: against the baseline 2 regressions, 1 improvement, 1 unchanged, 1 new,"
                + " 2 missing; head 1a2b3c4 against baseline 9f8e7d6.", verdict.line(null));
    }

    private static BaselineComparison.Row row(String cell, BaselineComparison.Change change) {
        return new BaselineComparison.Row(0, cell, change, null, null, null, null, java.util.Set.of(), "");
    }
}
