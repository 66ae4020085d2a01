package dev.ffbench.gate;

import dev.ffbench.io.Problem;
import dev.ffbench.matrix.CellSelector;
import dev.ffbench.matrix.FieldValues;
import dev.ffbench.results.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bound on one metric of every selected cell, like a {@code jacoco:check} rule: e.g. "ff-base
 * cells at depth 2: testAccuracy at least 0.85". Accuracy bounds are fractions in [0, 1].
 */
public record AbsoluteRule(CellSelector selector, Metric metric, Bounds bounds) {

    /** The fields of a rule: the selection, then the metric and its bounds. */
    public static final List<String> FIELDS = fields();

    /** A rule from its fields as written ({@code parameter} names it in errors, e.g. "rules[2]"). */
    public static AbsoluteRule parse(FieldValues values, String parameter, Map<String, String> fields) {
        CellSelector selector = values.selector(parameter, fields);
        Metric metric = metric(values, parameter, fields.get("metric"));
        Bounds bounds = Bounds.parse(values, parameter, fields.get("minimum"), fields.get("maximum"));
        if (metric != null) {
            checkRange(values, parameter, metric, bounds, fields);
        }
        return new AbsoluteRule(selector, metric, bounds);
    }

    static Metric metric(FieldValues values, String parameter, String key) {
        Metric metric = Metric.byKey(key == null ? null : key.trim());
        if (metric == null) {
            values.problem(new Problem(parameter + ".metric", key == null ? null : key.trim(), String.join(", ", Metric.keys())));
        }
        return metric;
    }

    /**
     * A bound outside the metric's range is an error, and so is a bound that can never fail: a minimum of
     * 0 (no metric is negative) or a maximum of 1 on an accuracy (no accuracy exceeds 100 %).
     */
    private static void checkRange(FieldValues values, String parameter, Metric metric, Bounds bounds,
            Map<String, String> fields) {
        boolean fraction = metric.unit() == Metric.Unit.FRACTION;
        Double minimum = bounds.minimum();
        Double maximum = bounds.maximum();
        boolean outOfRange = false;
        for (Double bound : new Double[] {minimum, maximum}) {
            if (bound == null) {
                continue;
            }
            if (fraction && (bound < 0 || bound > 1)) {
                values.problem(Problem.found(parameter + ": a " + metric.key() + " bound", "is " + bound,
                        "a fraction from 0 to 1 (0.9 means 90 %)"));
                outOfRange = true;
            } else if (bound < 0) {
                values.problem(Problem.found(parameter + ": a " + metric.key() + " bound", "is " + bound, "a number >= 0"));
                outOfRange = true;
            }
        }
        if (outOfRange) {
            return;
        }
        if (minimum != null && minimum <= 0) {
            values.problem(new Problem(parameter + ".minimum", fields.get("minimum").trim(),
                    "a minimum above 0" + (fraction ? ", up to 1" : ""), "which never fails: " + metric.key() + " is never below 0"));
        }
        if (fraction && maximum != null && maximum >= 1) {
            values.problem(new Problem(parameter + ".maximum", fields.get("maximum").trim(), "a maximum from 0 to below 1",
                    "which never fails: " + metric.key() + " is never above 1 (100 %)"));
        }
    }

    public String describeBound() {
        return bounds.describe(metric::format);
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(FieldValues.SELECTOR_FIELDS);
        fields.addAll(List.of("metric", "minimum", "maximum"));
        return List.copyOf(fields);
    }
}
