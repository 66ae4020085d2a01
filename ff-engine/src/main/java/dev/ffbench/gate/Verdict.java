package dev.ffbench.gate;

import dev.ffbench.gate.BaselineComparison.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's one verdict, decided once, that the summary's first line, the log and the build's outcome
 * all show. Failed cells always fail it: a crashed cell is a broken run, not a judgement a team could
 * still be learning the noise of. Gate violations fail it unless the gates are advisory
 * ({@code failOnViolation=false}); then it is "passed with violations (advisory)" and every violation
 * is still reported.
 *
 * @param status the verdict
 * @param violations how many gate outcomes failed
 * @param failedCells how many cells failed
 * @param failOnViolation whether violations fail the build (false: the gates are advisory)
 * @param counts every cell against the baseline, or null when no baseline was used
 * @param headCommit the commit measured, as {@code Commits} names it ("1a2b3c4", "1a2b3c4+uncommitted", "no commit")
 * @param baselineCommit the baseline's commit in the same form, or null when no baseline was used
 */
public record Verdict(Status status, int violations, int failedCells, boolean failOnViolation, Counts counts,
        String headCommit, String baselineCommit) {

    /** What the run amounts to. */
    public enum Status {
        PASSED("passed"),
        /** Violations that did not fail the build: the gates were advisory. */
        PASSED_WITH_VIOLATIONS("passed with violations (advisory)"),
        FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** "passed", "passed with violations (advisory)", "failed". */
        public String label() {
            return label;
        }
    }

    /**
     * How many cells of the run compare how with the baseline ({@link Change}), and how many passed
     * baseline cells the run lacks (missing).
     */
    public record Counts(long regressions, long improvements, long unchanged, long newCells, long missing,
            long withinTolerance, long failed, long otherData) {

        /** The counts of {@code comparison}, which judged each cell once. */
        public static Counts of(BaselineComparison comparison) {
            var counts = comparison.counts();
            return new Counts(counts.get(Change.REGRESSION), counts.get(Change.IMPROVEMENT), counts.get(Change.UNCHANGED),
                    counts.get(Change.NEW), comparison.notInResults().size(), counts.get(Change.WITHIN_TOLERANCE),
                    counts.get(Change.FAILED), counts.get(Change.OTHER_DATA));
        }

        /**
         * "1 regression, 0 improvements, 3 unchanged, 0 new, 0 missing", then "2 within tolerance" and
         * "1 failed" when there are any, so that the counts add up to the run's cells.
         */
        public String text() {
            List<String> parts = new ArrayList<>(List.of(count(regressions, "regression", "regressions"),
                    count(improvements, "improvement", "improvements"), unchanged + " unchanged", newCells + " new",
                    missing + " missing"));
            if (withinTolerance > 0) {
                parts.add(withinTolerance + " within tolerance");
            }
            if (failed > 0) {
                parts.add(failed + " failed");
            }
            if (otherData > 0) {
                parts.add(otherData + " on other data (not compared)");
            }
            return String.join(", ", parts);
        }
    }

    /**
     * Decides the verdict: failed cells fail it; violations fail it when {@code failOnViolation}, and
     * otherwise leave it passed with violations.
     *
     * @param comparison every cell against the baseline, or null when no baseline was used
     */
    public static Verdict of(GateReport gates, int failedCells, BaselineComparison comparison, boolean failOnViolation,
            String headCommit, String baselineCommit) {
        int violations = gates.violations().size();
        Status status = failedCells > 0 || (violations > 0 && failOnViolation) ? Status.FAILED
                : violations > 0 ? Status.PASSED_WITH_VIOLATIONS : Status.PASSED;
        return new Verdict(status, violations, failedCells, failOnViolation, comparison == null ? null : Counts.of(comparison), headCommit,
                comparison == null ? null : baselineCommit);
    }

    /** Whether there are violations and they do not fail the build (failed cells still may). */
    public boolean advisory() {
        return violations > 0 && !failOnViolation;
    }

    /** Whether gate violations fail the build. */
    public boolean violationsFail() {
        return violations > 0 && failOnViolation;
    }

    /**
     * The summary's first line: "**FF Bench: failed** (1 gate violation): against the baseline 1
     * regression, 0 improvements, 3 unchanged, 0 new, 0 missing; head 1a2b3c4 against baseline
     * 9f8e7d6." Without a baseline: "...: no baseline (REASON); head 1a2b3c4."
     *
     * @param noBaseline why no baseline was used, or null when one was
     */
    public String line(String noBaseline) {
        List<String> why = new ArrayList<>();
        if (failedCells > 0) {
            why.add(count(failedCells, "failed cell", "failed cells"));
        }
        if (violations > 0) {
            // with failed cells the status says "failed": that the violations alone would not fail it must still show
            why.add(count(violations, "gate violation", "gate violations") + (advisory() && failedCells > 0 ? " (advisory)" : ""));
        }
        return "**FF Bench: " + status.label() + "**" + (why.isEmpty() ? "" : " (" + String.join(", ", why) + ")") + ": "
                + (counts == null ? "no baseline (" + noBaseline + "); head " + headCommit
                        : "against the baseline " + counts.text() + "; head " + headCommit + " against baseline "
                                + baselineCommit)
                + ".";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
