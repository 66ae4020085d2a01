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

    /** "12 gates: 10 passed, 1 failed, 1 skipped" ("1 gate: ..."). */
    public String tally() {
        return outcomes.size() + (outcomes.size() == 1 ? " gate: " : " gates: ") + count(GateOutcome.Status.PASSED) + " passed, "
                + count(GateOutcome.Status.FAILED) + " failed, " + count(GateOutcome.Status.SKIPPED) + " skipped";
    }

    /**
     * The build-failure message: every violation on its own line (kind, cell, metric, value,
     * baseline or reference value, bound), then the next step for each kind that failed. Only a
     * baseline-relative violation is fixed by accepting the new numbers as the baseline
     * ({@code acceptCommand}); an absolute or a ratio rule has its own bound, which a new baseline
     * does not change, so for those the message says what does.
     */
    public String failureMessage(String acceptCommand) {
        List<GateOutcome> violations = violations();
        List<String> lines = new ArrayList<>();
        lines.add(violations.size() + (violations.size() == 1 ? " gate violation" : " gate violations") + " ("
                + tally() + "):");
        for (GateOutcome violation : violations) {
            lines.add("  " + violation.detail());
        }
        java.util.Set<GateKind> kinds = java.util.EnumSet.noneOf(GateKind.class);
        violations.stream().filter(violation -> !Degenerate.vetoed(violation)).forEach(violation -> kinds.add(violation.kind()));
        if (violations.stream().anyMatch(Degenerate::vetoed)) {
            lines.add(VETO_ADVICE);
        }
        if (kinds.contains(GateKind.BASELINE)) {
            boolean anyVetoed = violations.stream().anyMatch(Degenerate::vetoed);
            lines.add((anyVetoed ? "For the other [baseline] violations: if" : kinds.size() == 1 ? "If"
                    : "For the [baseline] violations: if")
                    + " the new numbers are intended, accept them as the new baseline with: " + acceptCommand);
        }
        if (kinds.contains(GateKind.ABSOLUTE)) {
            lines.add(ABSOLUTE_ADVICE);
        }
        if (kinds.contains(GateKind.RATIO)) {
            lines.add(RATIO_ADVICE);
        }
        return String.join("\n", lines);
    }

    /** The next step after a veto: a figure that misleads is not made true by recording it. */
    static final String VETO_ADVICE = "A violation that is no pass (memory outside the ledger, or the predictions of a"
            + " net that did not learn) is not fixed by a new baseline or bound, which would record the misleading figure:"
            + " fix the model (keep batch-sized data in the step's workspace; make the net learn)";

    /** The next step after an absolute rule failed. */
    static final String ABSOLUTE_ADVICE = "An [absolute] rule has its own bound, not the baseline, so mvn ff:baseline"
            + " does not change it: fix the regression, or, if the new numbers are intended, change that rule's minimum"
            + " or maximum in <rules> of the plugin's configuration in the POM (or in -Dff.rules)";

    /** The next step after a ratio rule failed. */
    static final String RATIO_ADVICE = "A [ratio] rule compares with its reference algorithm, not the baseline, so"
            + " mvn ff:baseline does not change it: fix the regression, or, if the new ratio is intended, change that"
            + " ratio's minimum or maximum in <ratios> of the plugin's configuration in the POM (or in -Dff.ratios)";
}
