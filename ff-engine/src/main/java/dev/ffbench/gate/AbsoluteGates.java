package dev.ffbench.gate;

import dev.ffbench.harness.CellRecord;
import java.util.ArrayList;
import java.util.List;

/** Judges absolute rules: one outcome per rule and selected passed cell. */
final class AbsoluteGates {
    private AbsoluteGates() {}

    static void evaluate(List<AbsoluteRule> rules, List<CellRecord> cells, List<GateOutcome> outcomes,
            List<String> warnings) {
        for (int r = 0; r < rules.size(); r++) {
            AbsoluteRule rule = rules.get(r);
            List<CellRecord> selected = new ArrayList<>();
            for (CellRecord cell : cells) {
                if (cell.isPassed() && rule.selector().matches(cell.spec())) {
                    selected.add(cell);
                }
            }
            String name = "rules[" + (r + 1) + "] (" + rule.selector().describe() + ", " + rule.metric().key() + " "
                    + rule.describeBound() + ")";
            if (selected.isEmpty()) {
                warnings.add(name + " selects no passed cell: skipped");
                outcomes.add(new GateOutcome(GateKind.ABSOLUTE, "rules[" + (r + 1) + "]", rule.metric(),
                        rule.describeBound(), null, null, GateOutcome.Status.SKIPPED,
                        "[absolute] " + name + " selects no passed cell"));
                continue;
            }
            for (CellRecord cell : selected) {
                double value = rule.metric().of(cell.result());
                String degenerate = Degenerate.accuracyVeto(rule.metric(), cell);
                boolean passed = degenerate == null && rule.bounds().admits(value);
                outcomes.add(new GateOutcome(GateKind.ABSOLUTE, cell.id(), rule.metric(), rule.describeBound(), value,
                        null, passed ? GateOutcome.Status.PASSED : GateOutcome.Status.FAILED,
                        "[absolute] " + cell.id() + ": " + rule.metric().key() + " is " + rule.metric().format(value)
                                + "; allowed: " + rule.describeBound() + " (rules[" + (r + 1) + "])"
                                + (degenerate == null ? "" : "; " + degenerate)));
            }
        }
    }
}
