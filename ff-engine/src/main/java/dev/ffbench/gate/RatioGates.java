package dev.ffbench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.io.Json;
import dev.ffbench.results.CellRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Judges ratio rules on like-for-like pairs of an algorithm's cell and its reference's cell. */
final class RatioGates {
    /** What makes two cells of different algorithms comparable: everything but the algorithm's own settings. */
    static final List<String> LIKE_FOR_LIKE = List.of("dataset", "depth", "width", "epochs", "batchSize",
            "maxStepsPerEpoch", "optimizer", "threads", "seed");

    private RatioGates() {}

    static void evaluate(List<RatioRule> rules, List<CellRecord> cells, List<GateOutcome> outcomes, List<String> warnings) {
        for (int r = 0; r < rules.size(); r++) {
            RatioRule rule = rules.get(r);
            String ruleName = "ratios[" + (r + 1) + "]";
            String bound = rule.describeBound() + " x " + rule.reference();
            int judged = 0;
            List<String> failedPairs = new ArrayList<>();
            for (CellRecord cell : cells) {
                if (!cell.spec().algorithm().equals(rule.algorithm()) || !rule.selector().matches(cell.spec())) {
                    continue;
                }
                CellRecord reference = referenceFor(cell, rule.reference(), cells);
                if (reference != null && (!cell.isPassed() || !reference.isPassed())) {
                    failedPairs.add(cell.id() + " vs " + reference.id() + " (" + (cell.isPassed() ? reference.id()
                            : cell.id()) + " failed)");
                    continue;
                }
                if (!cell.isPassed()) {
                    continue;
                }
                if (reference == null) {
                    String detail = "[ratio] " + cell.id() + ": no " + rule.reference() + " cell at depth "
                            + cell.spec().depth() + ", width " + cell.spec().width() + " with the same data and seed to compare with ("
                            + ruleName + ")";
                    warnings.add(detail.substring("[ratio] ".length()) + ": skipped");
                    outcomes.add(new GateOutcome(GateKind.RATIO, cell.id(), rule.metric(), bound, null, null,
                            GateOutcome.Status.SKIPPED, detail));
                    continue;
                }
                judged++;
                double value = rule.metric().of(cell.result());
                double referenceValue = rule.metric().of(reference.result());
                double ratio = referenceValue == 0 ? Double.POSITIVE_INFINITY : value / referenceValue;
                String degenerate = Degenerate.veto(rule.metric(), cell);
                if (degenerate == null) {
                    degenerate = Degenerate.veto(rule.metric(), reference);
                }
                boolean passed = degenerate == null && rule.bounds().admits(ratio);
                outcomes.add(new GateOutcome(GateKind.RATIO, cell.id() + " vs " + reference.id(), rule.metric(), bound,
                        ratio, referenceValue, passed ? GateOutcome.Status.PASSED : GateOutcome.Status.FAILED,
                        "[ratio] " + cell.id() + " vs " + reference.id() + ": " + rule.metric().key() + " ratio is "
                                + String.format(Locale.ROOT, "%.3f", ratio) + " (" + rule.metric().format(value) + " / "
                                + rule.metric().format(referenceValue) + "); allowed: " + rule.describeBound() + " ("
                                + ruleName + ")" + (degenerate == null ? "" : "; " + degenerate)
                                + Degenerate.deadUnitsNote(rule.metric(), cell) + Degenerate.deadUnitsNote(rule.metric(), reference)));
            }
            if (judged > 0) {
                continue;
            }
            String name = ruleName + " (" + rule.algorithm() + " vs " + rule.reference() + ", "
                    + rule.selector().describe() + ")";
            if (!failedPairs.isEmpty()) {
                // every pair it could judge has a failed cell: it judged nothing, which is no pass
                outcomes.add(new GateOutcome(GateKind.RATIO, ruleName, rule.metric(), bound, null, null,
                        GateOutcome.Status.FAILED, "[ratio] " + name + " judged no pair: every pair it selects has a"
                                + " failed cell (" + String.join(", ", failedPairs) + ")"));
            } else {
                // only results that hold part of the matrix on purpose get here (allowIncompleteMatrix):
                // a ratio that pairs no cell of the matrix is refused before anything runs
                warnings.add(name + " judged no pair of the cells present: skipped");
            }
        }
    }

    /** The cell of {@code reference} like for like with {@code cell}, whatever its status, or null. */
    private static CellRecord referenceFor(CellRecord cell, String reference, List<CellRecord> cells) {
        JsonNode key = likeForLike(cell.spec());
        for (CellRecord candidate : cells) {
            if (candidate.spec().algorithm().equals(reference) && likeForLike(candidate.spec()).equals(key)) {
                return candidate;
            }
        }
        return null;
    }

    /** The fields of {@link #LIKE_FOR_LIKE} of {@code spec}: equal for two cells that a ratio may compare. */
    static JsonNode likeForLike(ExperimentSpec spec) {
        ObjectNode all = Json.mapper().valueToTree(spec);
        ObjectNode key = Json.mapper().createObjectNode();
        LIKE_FOR_LIKE.forEach(field -> key.set(field, all.get(field)));
        return key;
    }
}
