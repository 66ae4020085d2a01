package dev.ffbench.gate;

import dev.ffbench.io.Problem;
import dev.ffbench.matrix.FieldValues;
import dev.ffbench.matrix.KnownNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gates as the user wrote them (POM text or {@code -D} properties), unparsed so that every
 * error names the parameter. Blank tolerances take the {@link BaselineTolerance} defaults.
 * {@code failOnViolation} false makes the gates advisory: violations are reported but do not fail the build.
 */
public record GateParameters(
        List<Map<String, String>> rules,
        List<Map<String, String>> ratios,
        String maxMemoryGrowthPercent,
        String maxAccuracyDropPoints,
        String accuracyNoiseSigmas,
        String maxSpeedDropPercent,
        boolean failIfNoBaseline,
        boolean failOnViolation) {

    public GateParameters {
        rules = rules == null ? List.of() : List.copyOf(rules);
        ratios = ratios == null ? List.of() : List.copyOf(ratios);
    }

    /** Gates whose violations fail the build (failOnViolation, the default). */
    public GateParameters(List<Map<String, String>> rules, List<Map<String, String>> ratios, String maxMemoryGrowthPercent,
            String maxAccuracyDropPoints, String accuracyNoiseSigmas, String maxSpeedDropPercent, boolean failIfNoBaseline) {
        this(rules, ratios, maxMemoryGrowthPercent, maxAccuracyDropPoints, accuracyNoiseSigmas, maxSpeedDropPercent,
                failIfNoBaseline, true);
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
                        BaselineTolerance.DEFAULT_MAX_MEMORY_GROWTH_PERCENT, null),
                nonNegative(values, "maxAccuracyDropPoints", maxAccuracyDropPoints,
                        BaselineTolerance.DEFAULT_MAX_ACCURACY_DROP_POINTS, ACCURACY_DROP_CEILING),
                nonNegative(values, "accuracyNoiseSigmas", accuracyNoiseSigmas,
                        BaselineTolerance.DEFAULT_ACCURACY_NOISE_SIGMAS, null),
                maxSpeedDropPercent == null || maxSpeedDropPercent.isBlank()
                        ? null : nonNegative(values, "maxSpeedDropPercent", maxSpeedDropPercent, 0, SPEED_DROP_CEILING));
        checkDuplicates(values, "rules", parsedRules);
        checkDuplicates(values, "ratios", parsedRatios);
        values.throwIfAny();
        return new GateConfig(parsedRules, parsedRatios, tolerance, failIfNoBaseline, failOnViolation);
    }

    /**
     * maxAccuracyDropPoints must stay below this: an accuracy cannot drop by more than 100 points, so a
     * bound of 100 or more could never fail.
     */
    private static final Ceiling ACCURACY_DROP_CEILING = new Ceiling(100,
            "an accuracy cannot drop by more than 100 points, so a bound of 100 or more never fails");

    /** maxSpeedDropPercent must stay below this: samples/s cannot drop by 100 % or more (they stay above 0). */
    private static final Ceiling SPEED_DROP_CEILING = new Ceiling(100,
            "samples/s cannot drop by 100 % or more, so a bound of 100 or more never fails");

    /** An exclusive upper limit of a tolerance, beyond which the gate could never fail, and why. */
    private record Ceiling(double limit, String reason) {}

    /**
     * A tolerance: a finite number >= 0 and, with a {@code ceiling}, below it (a tolerance the gate can
     * never exceed would switch the gate off in silence).
     */
    private static double nonNegative(FieldValues values, String parameter, String text, double fallback, Ceiling ceiling) {
        Double value = values.number(parameter, text);
        if (value == null) {
            return fallback;
        }
        if (ceiling == null && value < 0) {
            values.problem(new Problem(parameter, text.trim(), "a number >= 0"));
        } else if (ceiling != null && (value < 0 || value >= ceiling.limit())) {
            values.problem(new Problem(parameter, text.trim(), "a number >= 0 and below "
                    + Bounds.plainNumber(ceiling.limit()) + " (" + ceiling.reason() + ")"));
        }
        return value;
    }

    /** The same rule twice would be judged (and counted) twice: each rule once. */
    private static void checkDuplicates(FieldValues values, String parameter, List<?> parsed) {
        for (int i = 0; i < parsed.size(); i++) {
            int first = parsed.indexOf(parsed.get(i));
            if (first < i) {
                values.problem(Problem.found(parameter + "[" + (i + 1) + "]", "is the same as " + parameter + "[" + (first + 1)
                        + "]", "each rule once"));
            }
        }
    }
}
