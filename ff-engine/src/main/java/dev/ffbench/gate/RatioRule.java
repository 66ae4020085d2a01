package dev.ffbench.gate;

import dev.ffbench.backprop.Backprop;
import dev.ffbench.io.Problem;
import dev.ffbench.matrix.CellSelector;
import dev.ffbench.matrix.FieldValues;
import dev.ffbench.results.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bound on {@code metric(algorithm cell) / metric(reference cell)} for every pair of cells at
 * the same depth, width, dataset, batch size, epochs, steps, optimizer, threads and seed: e.g.
 * "ff-base training peak at most 0.5 x backprop's". {@code selector} narrows the pairs (by depth,
 * width, goodness, dataset, seed).
 */
public record RatioRule(String algorithm, String reference, CellSelector selector, Metric metric, Bounds bounds) {

    public static final List<String> FIELDS = fields();

    public static RatioRule parse(FieldValues values, String parameter, Map<String, String> fields) {
        String algorithm = fields.get("algorithm");
        if (algorithm == null || algorithm.isBlank()) {
            values.problem(Problem.notSet(parameter + ".algorithm", "one of " + values.names().algorithmListing()));
        } else {
            algorithm = values.algorithm(parameter + ".algorithm", algorithm);
        }
        String reference = fields.get("reference");
        reference = reference == null || reference.isBlank()
                ? Backprop.NAME : values.algorithm(parameter + ".reference", reference);
        if (algorithm != null && algorithm.equals(reference)) {
            values.problem(Problem.found(parameter, "compares " + algorithm + " with itself", "a reference other than the algorithm"));
        }
        Map<String, String> selection = new java.util.LinkedHashMap<>(fields);
        selection.remove("algorithm");
        CellSelector selector = values.selector(parameter, selection);
        String metricKey = fields.get("metric");
        Metric metric = metricKey == null || metricKey.isBlank()
                ? Metric.TRAINING_PEAK_BYTES : AbsoluteRule.metric(values, parameter, metricKey);
        Bounds bounds = Bounds.parse(values, parameter, fields.get("minimum"), fields.get("maximum"));
        if ((bounds.minimum() != null && bounds.minimum() < 0) || (bounds.maximum() != null && bounds.maximum() < 0)) {
            values.problem(Problem.found(parameter, "has a negative bound", "ratios >= 0, e.g. maximum 0.5"));
        } else if (bounds.minimum() != null && bounds.minimum() == 0) {
            // a ratio of two figures that are never negative is never below 0
            values.problem(new Problem(parameter + ".minimum", fields.get("minimum").trim(), "a minimum above 0",
                    "which never fails: a ratio of " + (metric == null ? "the metric" : metric.key()) + " is never below 0"));
        }
        return new RatioRule(algorithm, reference, selector, metric, bounds);
    }

    public String describeBound() {
        return bounds.describe(Bounds::plain);
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("algorithm", "reference"));
        fields.addAll(FieldValues.SELECTOR_FIELDS.subList(1, FieldValues.SELECTOR_FIELDS.size()));
        fields.addAll(List.of("metric", "minimum", "maximum"));
        return List.copyOf(fields);
    }
}
