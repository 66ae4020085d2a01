package dev.ffbench.api;

import dev.ffbench.io.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One option an {@link Algorithm} declares beyond the shared spec fields: its name, type, default
 * and what values are allowed. The engine parses what the user wrote (POM text, {@code --set}, or
 * a JSON value from a spec file) into the option's canonical Java value: {@link Integer} for
 * {@link Type#INTEGER}, {@link Double} for {@link Type#NUMBER}, {@link Boolean} for
 * {@link Type#FLAG} and {@link String} for {@link Type#CHOICE} and {@link Type#GOODNESS}. Those
 * values are what {@link Options} holds and what the results file records, defaults included.
 *
 * <p>Create options with the factory methods and narrow numbers with {@link #atLeast},
 * {@link #atMost} and {@link #below}, e.g.
 * {@code Option.number("damping", 0.3, "weight of the old state").atLeast(0).below(1)}. An option is
 * typed by its factory ({@code Option<Double>} for a number, {@code Option<Integer>}, {@code Option<Boolean>},
 * {@code Option<String>} for a choice or a goodness function), and {@link #of(ExperimentSpec)} gives a
 * run's value with that type: declared once, read without a name or a cast.
 *
 * @param <T> the Java type of its values
 *
 * @param name the field name users write, e.g. {@code iterations}; letters and digits, starting lower case
 * @param type how the value is parsed and checked
 * @param defaultValue the canonical value used when the user gives none; null means "unset", which
 *     the algorithm interprets (e.g. a threshold that defaults to the goodness function's own)
 * @param description one line for listings and error messages
 * @param choices the allowed values of a {@link Type#CHOICE}; empty otherwise
 * @param minimum the smallest allowed number, or null
 * @param minimumExclusive whether {@code minimum} itself is excluded
 * @param maximum the largest allowed number, or null
 * @param maximumExclusive whether {@code maximum} itself is excluded
 */
public record Option<T>(
        String name,
        Type type,
        T defaultValue,
        String description,
        List<String> choices,
        Double minimum,
        boolean minimumExclusive,
        Double maximum,
        boolean maximumExclusive) {

    /** How an option's value is written and checked. */
    public enum Type {
        /** A whole number (Java int). */
        INTEGER,
        /** A finite decimal number (Java double). */
        NUMBER,
        /** {@code true} or {@code false}. */
        FLAG,
        /** One of a fixed list of words. */
        CHOICE,
        /**
         * The name of a goodness function known to the engine (built in or discovered): the matrix's goodness
         * axis sets an algorithm's option of this type, whatever its name.
         */
        GOODNESS
    }

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException(Problem.found("option name '" + name + "'", "is not allowed",
                    "letters and digits, starting with a lower-case letter (e.g. iterations)").message());
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
    }

    /** A whole number with a default (use {@link #atLeast}/{@link #atMost} for its range). */
    public static Option<Integer> integer(String name, int defaultValue, String description) {
        return new Option<>(name, Type.INTEGER, defaultValue, description, List.of(), null, false, null, false);
    }

    /** A finite number; {@code defaultValue} null leaves it unset unless the user gives one. */
    public static Option<Double> number(String name, Double defaultValue, String description) {
        return new Option<>(name, Type.NUMBER, defaultValue, description, List.of(), null, false, null, false);
    }

    public static Option<Boolean> flag(String name, boolean defaultValue, String description) {
        return new Option<>(name, Type.FLAG, defaultValue, description, List.of(), null, false, null, false);
    }

    /** One of {@code choices}; the default must be one of them. */
    public static Option<String> choice(String name, String defaultValue, List<String> choices, String description) {
        if (!choices.contains(defaultValue)) {
            throw new IllegalArgumentException("option " + name + ": default '" + defaultValue + "' is not one of " + choices);
        }
        return new Option<>(name, Type.CHOICE, defaultValue, description, choices, null, false, null, false);
    }

    /** A goodness function by name; the matrix's {@code goodness} axis sets it (an algorithm declares at most one). */
    public static Option<String> goodness(String name, String defaultValue, String description) {
        return new Option<>(name, Type.GOODNESS, defaultValue, description, List.of(), null, false, null, false);
    }

    /** This option with values below {@code minimum} refused. */
    public Option<T> atLeast(double minimum) {
        requireNumeric();
        return new Option<>(name, type, defaultValue, description, choices, minimum, false, maximum, maximumExclusive);
    }

    /** This option with {@code minimum} and smaller values refused. */
    public Option<T> above(double minimum) {
        requireNumeric();
        return new Option<>(name, type, defaultValue, description, choices, minimum, true, maximum, maximumExclusive);
    }

    /** This option with values above {@code maximum} refused. */
    public Option<T> atMost(double maximum) {
        requireNumeric();
        return new Option<>(name, type, defaultValue, description, choices, minimum, minimumExclusive, maximum, false);
    }

    /** This option with {@code maximum} and larger values refused. */
    public Option<T> below(double maximum) {
        requireNumeric();
        return new Option<>(name, type, defaultValue, description, choices, minimum, minimumExclusive, maximum, true);
    }

    /**
     * This option's value in {@code spec}, with its type: the user's value or the default (null for an
     * unset option whose default is null).
     *
     * @throws IllegalStateException when {@code spec} is not of an algorithm that declares this option
     */
    public T of(ExperimentSpec spec) {
        return of(spec.options());
    }

    /** This option's value in {@code options} (see {@link #of(ExperimentSpec)}). */
    @SuppressWarnings("unchecked")
    public T of(Options options) {
        if (!options.has(name)) {
            if (defaultValue == null) {
                return null;
            }
            throw new IllegalStateException("option " + name + " is not set in this spec (options: "
                    + options.values().keySet() + "); declare it in the algorithm's options() so that the engine"
                    + " fills in its default");
        }
        Object value = options.values().get(name);
        // a value read back from JSON may be another Number type than the option's
        return (T) switch (type) {
            case INTEGER -> ((Number) value).intValue();
            case NUMBER -> ((Number) value).doubleValue();
            case FLAG -> (Boolean) value;
            case CHOICE, GOODNESS -> (String) value;
        };
    }

    private void requireNumeric() {
        if (type != Type.INTEGER && type != Type.NUMBER) {
            throw new IllegalStateException("option " + name + " is a " + type + ", not a number");
        }
    }

    /**
     * The canonical value of what the user wrote, or null with a problem added that names the option,
     * the value and what is allowed ({@link #problem}'s sentence). Text is parsed; a value that is already
     * typed (a JSON number or boolean, or a canonical value) is converted to the option's type without going
     * through text and range-checked, so parsing a canonical value gives it back unchanged.
     *
     * @param value text (from a POM or the command line) or a typed value (Integer, Long, Double, Boolean, String)
     * @param goodnessNames the goodness functions known now, for {@link Type#GOODNESS}
     */
    public Object parse(Object value, List<String> goodnessNames, List<String> problems) {
        Problem problem = problem(value, goodnessNames);
        if (problem != null) {
            problems.add(problem.message());
            return null;
        }
        return canonical(value, goodnessNames);
    }

    /**
     * What is wrong with {@code value} for this option, as data ("iterations is '0'; allowed: a whole number
     * >= 1"), or null when {@link #parse} accepts it.
     *
     * @param value as for {@link #parse}
     * @param goodnessNames the goodness functions known now, for {@link Type#GOODNESS}
     */
    public Problem problem(Object value, List<String> goodnessNames) {
        if (value == null) {
            return Problem.found(name, "is empty", allowed(goodnessNames));
        }
        Object parsed = canonical(value, goodnessNames);
        return parsed == null || !inRange(parsed)
                ? new Problem(name, String.valueOf(value).trim(), allowed(goodnessNames)) : null;
    }

    /** The value as this option's type, before its range is checked; null when it is not one. */
    private Object canonical(Object value, List<String> goodnessNames) {
        return value instanceof String text ? fromText(text.trim(), goodnessNames) : fromValue(value);
    }

    private Object fromText(String text, List<String> goodnessNames) {
        return switch (type) {
            case INTEGER -> {
                try {
                    yield Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            case NUMBER -> parseNumber(text);
            case FLAG -> text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            case CHOICE -> choices.contains(text) ? text : null;
            case GOODNESS -> goodnessNames.contains(text) ? text : null;
        };
    }

    /** A typed value (a JSON scalar) as this option's canonical type, or null when it is not one. */
    private Object fromValue(Object value) {
        return switch (type) {
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof Double
                    ? wholeNumber(((Number) value).doubleValue()) : null;
            case NUMBER -> value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
            case FLAG -> value instanceof Boolean b ? b : null;
            case CHOICE, GOODNESS -> null; // a word is always text
        };
    }

    private static Integer wholeNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) <= Integer.MAX_VALUE ? (int) value : null;
    }

    private static Double parseNumber(String text) {
        try {
            double parsed = Double.parseDouble(text);
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean inRange(Object parsed) {
        if (!(parsed instanceof Number number)) {
            return true;
        }
        double v = number.doubleValue();
        return (minimum == null || (minimumExclusive ? v > minimum : v >= minimum))
                && (maximum == null || (maximumExclusive ? v < maximum : v <= maximum));
    }

    /** What values are allowed, as error messages and listings say it: "a whole number >= 1". */
    public String allowed(List<String> goodnessNames) {
        return switch (type) {
            case INTEGER -> "a whole number" + range();
            case NUMBER -> "a finite number" + range();
            case FLAG -> "true or false";
            case CHOICE -> String.join(", ", choices);
            case GOODNESS -> "a goodness function: " + String.join(", ", goodnessNames);
        };
    }

    private String range() {
        String low = minimum == null ? null : (minimumExclusive ? "> " : ">= ") + plain(minimum);
        String high = maximum == null ? null : (maximumExclusive ? "< " : "<= ") + plain(maximum);
        if (low != null && high != null) {
            return " " + low + " and " + high;
        }
        return low != null ? " " + low : high != null ? " " + high : "";
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
