package dev.ffbench.gate;

import java.util.ArrayList;
import java.util.List;

/** Every outcome of one evaluation, and the warnings it raised (skipped gates, missing baseline). */
public record GateReport(List<GateOutcome> outcomes, List<String> warnings) {

    public GateReport {
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    public static GateReport none(String warning) {
        return new GateReport(List.of(), List.of(warning));
    }

    public List<GateOutcome> violations() {
        return outcomes.stream().filter(GateOutcome::failed).toList();
    }

    public long count(GateOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** "12 gates: 10 passed, 1 failed, 1 skipped". */
    public String tally() {
        return outcomes.size() + " gates: " + count(GateOutcome.Status.PASSED) + " passed, "
                + count(GateOutcome.Status.FAILED) + " failed, " + count(GateOutcome.Status.SKIPPED) + " skipped";
    }

    /**
     * The build-failure message: every violation on its own line (kind, cell, metric, value,
     * baseline or reference value, bound), then the command that accepts the new numbers.
     */
    public String failureMessage(String acceptCommand) {
        List<GateOutcome> violations = violations();
        List<String> lines = new ArrayList<>();
        lines.add(violations.size() + (violations.size() == 1 ? " gate violation" : " gate violations") + " ("
                + tally() + "):");
        for (GateOutcome violation : violations) {
            lines.add("  " + violation.detail());
        }
        lines.add("If the new numbers are intended, accept them as the new baseline with: " + acceptCommand);
        return String.join("\n", lines);
    }
}
