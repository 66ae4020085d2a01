package dev.ffbench.matrix;

import dev.ffbench.api.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of cells: every listed axis must match, an empty list matches any value. Used for matrix
 * includes and excludes, for extra cells (where an empty list means "the matrix's values") and
 * for the cells a gate rule judges.
 */
public record CellSelector(
        List<String> algorithms,
        List<Integer> depths,
        List<Integer> widths,
        List<String> goodness,
        List<String> datasets,
        List<Long> seeds) {

    public static final CellSelector ANY = new CellSelector(null, null, null, null, null, null);

    public CellSelector {
        algorithms = copy(algorithms);
        depths = copy(depths);
        widths = copy(widths);
        goodness = copy(goodness);
        datasets = copy(datasets);
        seeds = copy(seeds);
    }

    public boolean matches(ExperimentSpec spec) {
        return (algorithms.isEmpty() || algorithms.contains(spec.algorithm()))
                && (depths.isEmpty() || depths.contains(spec.depth()))
                && (widths.isEmpty() || widths.contains(spec.width()))
                && (goodness.isEmpty() || (spec.goodness() != null && goodness.contains(spec.goodness())))
                && (datasets.isEmpty() || datasets.contains(spec.dataset()))
                && (seeds.isEmpty() || seeds.contains(spec.seed()));
    }

    public boolean isAny() {
        return algorithms.isEmpty() && depths.isEmpty() && widths.isEmpty() && goodness.isEmpty()
                && datasets.isEmpty() && seeds.isEmpty();
    }

    /** E.g. "algorithm=ff-base depth=2,4", or "all cells". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "algorithm", algorithms);
        add(parts, "depth", depths);
        add(parts, "width", widths);
        add(parts, "goodness", goodness);
        add(parts, "dataset", datasets);
        add(parts, "seed", seeds);
        return parts.isEmpty() ? "all cells" : String.join(" ", parts);
    }

    private static void add(List<String> parts, String name, List<?> values) {
        if (!values.isEmpty()) {
            parts.add(name + "=" + String.join(",", values.stream().map(String::valueOf).toList()));
        }
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
