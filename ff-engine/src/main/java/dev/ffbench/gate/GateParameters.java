package dev.ffbench.gate;

import dev.ffbench.harness.FieldValues;
import dev.ffbench.harness.KnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gates as the user wrote them (POM text or {@code -D} properties), unparsed so that every
 * error names the parameter. Blank tolerances take the {@link BaselineTolerance} defaults.
 */
public record GateParameters(
        List<Map<String, String>> rules,
        List<Map<String, String>> ratios,
        String maxMemoryGrowthPercent,
        String maxAccuracyDropPoints,
        String accuracyNoiseSigmas,
        String maxSpeedDropPercent,
        boolean failIfNoBaseline) {

    public GateParameters {
        rules = rules == null ? List.of() : List.copyOf(rules);
        ratios = ratios == null ? List.of() : List.copyOf(ratios);
    }

    public static GateParameters defaults() {
        return new GateParameters(null, null, null, null, null, null, false);
    }

    /**
     * Parses and checks everything, throwing one exception that lists every problem.
     *
     * @param names the algorithm and goodness names rules may select
     */
    public GateConfig parse(KnownNames names) {
        FieldValues values = new FieldValues(names);
        List<AbsoluteRule> parsedRules = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String name = "rules[" + (i + 1) + "]";
            parsedRules.add(AbsoluteRule.parse(values, name, values.expand(name, rules.get(i), AbsoluteRule.FIELDS)));
        }
        List<RatioRule> parsedRatios = new ArrayList<>();
        for (int i = 0; i < ratios.size(); i++) {
            String name = "ratios[" + (i + 1) + "]";
            parsedRatios.add(RatioRule.parse(values, name, values.expand(name, ratios.get(i), RatioRule.FIELDS)));
        }
        BaselineTolerance tolerance = new BaselineTolerance(
                nonNegative(values, "maxMemoryGrowthPercent", maxMemoryGrowthPercent,
                        BaselineTolerance.DEFAULT_MAX_MEMORY_GROWTH_PERCENT),
                nonNegative(values, "maxAccuracyDropPoints", maxAccuracyDropPoints,
                        BaselineTolerance.DEFAULT_MAX_ACCURACY_DROP_POINTS),
                nonNegative(values, "accuracyNoiseSigmas", accuracyNoiseSigmas,
                        BaselineTolerance.DEFAULT_ACCURACY_NOISE_SIGMAS),
                maxSpeedDropPercent == null || maxSpeedDropPercent.isBlank()
                        ? null : nonNegative(values, "maxSpeedDropPercent", maxSpeedDropPercent, 0));
        values.throwIfAny();
        return new GateConfig(parsedRules, parsedRatios, tolerance, failIfNoBaseline);
    }

    private static double nonNegative(FieldValues values, String parameter, String text, double fallback) {
        Double value = values.number(parameter, text);
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            values.problem(parameter + " is '" + text.trim() + "'; allowed: a number >= 0");
        }
        return value;
    }
}
