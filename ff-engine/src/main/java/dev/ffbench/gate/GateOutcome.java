package dev.ffbench.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ffbench.results.Metric;

/**
 * One judgement: a rule applied to one cell (or one group of seeds, or one FF/reference pair).
 * {@code bound} reads like "at least 90.00 %"; {@code comparedWith} is the baseline or reference
 * value (null for absolute rules); {@code detail} explains a failure or a skip in full.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateOutcome(
        GateKind kind,
        String cell,
        Metric metric,
        String bound,
        Double value,
        Double comparedWith,
        Status status,
        String detail) {

    /** Passed, failed (a violation), or skipped (nothing to compare with). */
    public enum Status { PASSED, FAILED, SKIPPED }

    @JsonIgnore
    public boolean failed() {
        return status == Status.FAILED;
    }

    /**
     * The JUnit test name, the same in every run of the same matrix and gates: "cell: metric" (a group
     * of seeds by its id alone, "ff-base-sum-squares-d2-w16: testAccuracy"). The bound and the figures,
     * which change from run to run (the seed-noise allowance does), are in {@link #detail} instead:
     * CI test history would otherwise see a renamed test.
     */
    @JsonIgnore
    public String name() {
        String stable = cell.replaceFirst(" \\(seeds? [^)]*\\)$", "");
        return metric == null ? stable : stable + ": " + metric.key();
    }
}
