package dev.ffbench.gate;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.io.Problem;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.CellSelector;
import dev.ffbench.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Gates that could judge nothing, found before any cell runs: a rule or ratio whose selection matches
 * no cell of the matrix (a typo such as depth=61 would otherwise switch the gate off for good while the
 * build stays green), a ratio whose cells have no like-for-like reference cell, and a
 * {@code secondsToAccuracy} bound on cells that set no {@code targetAccuracy} (their time to accuracy is
 * never measured). Each problem names the rule, its selection and what the matrix has. The matrix is
 * known before any cell runs ({@code ff:benchmark}) and equals the cells of complete results
 * ({@code ff:check}); a rule that selects only cells that then fail is a failed gate, not a problem here.
 */
public final class GateCoverage {
    /** How many cell ids a message lists before it says how many more there are. */
    private static final int LISTED = 5;

    private GateCoverage() {}

    /**
     * Every problem of {@code config} against {@code cells}, in rule order.
     *
     * @param cells every cell of the matrix (whatever their outcome will be)
     * @param requireSelection whether a selection matching none of {@code cells} is a problem: true for the
     *        whole matrix; false for results that hold only part of it on purpose (allowIncompleteMatrix),
     *        where the missing cells may be the ones a rule selects
     */
    public static List<Problem> check(GateConfig config, List<Cell> cells, boolean requireSelection) {
        List<Problem> problems = new ArrayList<>();
        for (int r = 0; r < config.rules().size(); r++) {
            AbsoluteRule rule = config.rules().get(r);
            String name = "rules[" + (r + 1) + "] (" + rule.selector().describe() + ", " + rule.metric().key() + " "
                    + rule.describeBound() + ")";
            List<Cell> selected = cells.stream().filter(cell -> rule.selector().matches(cell.spec())).toList();
            if (selected.isEmpty()) {
                if (requireSelection) {
                    problems.add(Problem.found(name, "selects no cell of the matrix (" + has(cells, rule.selector(), false)
                            + ")", "a selection that matches at least one cell, since a rule that selects none"
                            + " would pass without judging anything"));
                }
                continue;
            }
            if (rule.metric() == Metric.SECONDS_TO_ACCURACY) {
                withoutTarget(name, "selects", selected).ifPresent(problems::add);
            }
        }
        for (int r = 0; r < config.ratios().size(); r++) {
            RatioRule rule = config.ratios().get(r);
            String name = "ratios[" + (r + 1) + "] (" + rule.algorithm() + " vs " + rule.reference() + ", "
                    + rule.selector().describe() + ", " + rule.metric().key() + " " + rule.describeBound() + " x "
                    + rule.reference() + ")";
            List<Cell> selected = cells.stream().filter(cell -> cell.spec().algorithm().equals(rule.algorithm())
                    && rule.selector().matches(cell.spec())).toList();
            List<Cell> references = cells.stream().filter(cell -> cell.spec().algorithm().equals(rule.reference())).toList();
            List<Cell> paired = new ArrayList<>();
            Set<Cell> partners = new LinkedHashSet<>();
            for (Cell cell : selected) {
                Object key = RatioGates.likeForLike(cell.spec());
                List<Cell> partner = references.stream().filter(ref -> RatioGates.likeForLike(ref.spec()).equals(key)).toList();
                if (!partner.isEmpty()) {
                    paired.add(cell);
                    partners.addAll(partner);
                }
            }
            if (!requireSelection && paired.isEmpty()) {
                continue;
            }
            if (selected.isEmpty()) {
                problems.add(Problem.found(name, "selects no " + rule.algorithm() + " cell of the matrix ("
                        + has(cells, rule.selector(), true) + ")", "a ratio whose algorithm and selection match"
                        + " at least one cell, since a ratio that judges no pair would pass without judging anything"));
            } else if (paired.isEmpty()) {
                problems.add(Problem.found(name, "pairs none of its " + rule.algorithm() + " cells (" + ids(selected)
                        + ") with a " + rule.reference() + " cell: the matrix has no " + rule.reference() + " cell with the same "
                        + String.join(", ", RatioGates.LIKE_FOR_LIKE) + " (its " + rule.reference() + " cells: "
                        + (references.isEmpty() ? "none" : ids(references)) + ")", "a ratio with at least one"
                        + " like-for-like pair in the matrix, since a ratio that judges no pair would pass without"
                        + " judging anything"));
            } else if (rule.metric() == Metric.SECONDS_TO_ACCURACY) {
                List<Cell> both = new ArrayList<>(paired);
                both.addAll(partners);
                withoutTarget(name, "compares", both).ifPresent(problems::add);
            }
        }
        return problems;
    }

    /** The problem of a secondsToAccuracy bound ({@code rule} {@code verb} its cells) on cells that set no targetAccuracy, or empty. */
    private static java.util.Optional<Problem> withoutTarget(String rule, String verb, List<Cell> cells) {
        List<Cell> missing = cells.stream().filter(cell -> cell.spec().targetAccuracy() == null).toList();
        if (missing.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Problem.found(rule, verb + " cells without a targetAccuracy (" + ids(missing)
                + "), whose secondsToAccuracy is never measured", "a targetAccuracy for every cell it judges (e.g."
                + " settings: targetAccuracy=0.9, with evaluateEvery=1 for a finer curve), or a selection of cells"
                + " that have one"));
    }

    /**
     * What the matrix has of each field {@code selector} sets: "the matrix's cells have depth 1, 2;
     * algorithm backprop" (and the algorithm always, for a ratio).
     */
    private static String has(List<Cell> cells, CellSelector selector, boolean withAlgorithm) {
        List<String> parts = new ArrayList<>();
        if (withAlgorithm || !selector.algorithms().isEmpty()) {
            parts.add(values("algorithm", cells, ExperimentSpec::algorithm));
        }
        if (!selector.depths().isEmpty()) {
            parts.add(values("depth", cells, ExperimentSpec::depth));
        }
        if (!selector.widths().isEmpty()) {
            parts.add(values("width", cells, ExperimentSpec::width));
        }
        if (!selector.goodness().isEmpty()) {
            parts.add(values("goodness", cells, ExperimentSpec::goodness));
        }
        if (!selector.datasets().isEmpty()) {
            parts.add(values("dataset", cells, ExperimentSpec::dataset));
        }
        if (!selector.seeds().isEmpty()) {
            parts.add(values("seed", cells, ExperimentSpec::seed));
        }
        return "the matrix's " + cells.size() + (cells.size() == 1 ? " cell has " : " cells have ") + String.join("; ", parts);
    }

    private static String values(String field, List<Cell> cells, Function<ExperimentSpec, Object> value) {
        Set<String> seen = new LinkedHashSet<>();
        cells.stream().map(cell -> value.apply(cell.spec())).filter(Objects::nonNull).map(String::valueOf).forEach(seen::add);
        return field + " " + (seen.isEmpty() ? "(none)" : String.join(", ", seen));
    }

    /** "a, b, c" or "a, b, c, d, e and 3 more". */
    private static String ids(List<Cell> cells) {
        List<String> ids = cells.stream().map(Cell::id).toList();
        return ids.size() <= LISTED ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, LISTED)) + " and " + (ids.size() - LISTED) + " more";
    }
}
