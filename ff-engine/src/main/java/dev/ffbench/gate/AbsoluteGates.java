package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges absolute rules: one outcome per rule and selected passed cell; a rule whose selected cells all
 * failed is one failed outcome (it judged nothing), and one that selects none of the cells present (results
 * that hold part of the matrix on purpose) is skipped with a warning.
 */
final class AbsoluteGates {
    private AbsoluteGates() {}

    static void evaluate(List<AbsoluteRule> rules, List<CellRecord> cells, List<GateOutcome> outcomes,
            List<String> warnings) {
        for (int r = 0; r < rules.size(); r++) {
            AbsoluteRule rule = rules.get(r);
            List<CellRecord> selected = new ArrayList<>();
            List<CellRecord> failed = new ArrayList<>();
            for (CellRecord cell : cells) {
                if (rule.selector().matches(cell.spec())) {
                    (cell.isPassed() ? selected : failed).add(cell);
                }
            }
            String name = "rules[" + (r + 1) + "] (" + rule.selector().describe() + ", " + rule.metric().key() + " "
                    + rule.describeBound() + ")";
            if (selected.isEmpty() && !failed.isEmpty()) {
                // every cell it selects failed: the rule judged nothing, which is no pass
                outcomes.add(new GateOutcome(GateKind.ABSOLUTE, "rules[" + (r + 1) + "]", rule.metric(),
                        rule.describeBound(), null, null, GateOutcome.Status.FAILED,
                        "[absolute] " + name + " judged nothing: every cell it selects failed ("
                                + String.join(", ", failed.stream().map(CellRecord::id).toList()) + ")"));
                continue;
            }
            if (selected.isEmpty()) {
                // only results that hold part of the matrix on purpose get here (allowIncompleteMatrix):
                // a selection matching no cell of the matrix is refused before anything runs
                warnings.add(name + " selects none of the cells present: skipped");
                outcomes.add(new GateOutcome(GateKind.ABSOLUTE, "rules[" + (r + 1) + "]", rule.metric(),
                        rule.describeBound(), null, null, GateOutcome.Status.SKIPPED,
                        "[absolute] " + name + " selects none of the cells present (the results hold part of the matrix)"));
                continue;
            }
            for (CellRecord cell : selected) {
                double value = rule.metric().of(cell.result());
                String degenerate = Degenerate.veto(rule.metric(), cell);
                boolean passed = degenerate == null && rule.bounds().admits(value);
                outcomes.add(new GateOutcome(GateKind.ABSOLUTE, cell.id(), rule.metric(), rule.describeBound(), value,
                        null, passed ? GateOutcome.Status.PASSED : GateOutcome.Status.FAILED,
                        "[absolute] " + cell.id() + ": " + rule.metric().key() + " is " + rule.metric().format(value)
                                + "; allowed: " + rule.describeBound() + " (rules[" + (r + 1) + "])"
                                + (degenerate == null ? "" : "; " + degenerate)
                                + (passed ? "" : Degenerate.cappedNote(rule.metric(), cell))
                                + Degenerate.deadUnitsNote(rule.metric(), cell)));
            }
        }
    }
}
