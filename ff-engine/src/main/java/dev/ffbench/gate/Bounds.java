package dev.ffbench.gate;

import dev.ffbench.io.Problem;
import dev.ffbench.matrix.FieldValues;
import java.util.Locale;

/** A minimum and/or maximum on a value, and how they read in messages. */
public record Bounds(Double minimum, Double maximum) {

    public boolean admits(double value) {
        return (minimum == null || value >= minimum) && (maximum == null || value <= maximum);
    }

    /** "at least 90.00 %", "at most 0.500", "between 1 B and 2 B". */
    public String describe(java.util.function.DoubleFunction<String> format) {
        if (minimum != null && maximum != null) {
            return "between " + format.apply(minimum) + " and " + format.apply(maximum);
        }
        return minimum != null ? "at least " + format.apply(minimum) : "at most " + format.apply(maximum);
    }

    /** Reads {@code minimum}/{@code maximum}, requiring at least one and minimum <= maximum. */
    static Bounds parse(FieldValues values, String parameter, String minimum, String maximum) {
        Double min = values.number(parameter + ".minimum", minimum);
        Double max = values.number(parameter + ".maximum", maximum);
        boolean given = (minimum != null && !minimum.isBlank()) || (maximum != null && !maximum.isBlank());
        if (!given) {
            values.problem(Problem.found(parameter, "has no bound", "a minimum, a maximum or both"));
        } else if (min != null && max != null && min > max) {
            values.problem(Problem.found(parameter, "has minimum " + min + " above maximum " + max, "minimum <= maximum"));
        }
        return new Bounds(min, max);
    }

    static String plain(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** "100", "0.5": a number as a user would write it (no trailing ".0"). */
    static String plainNumber(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
