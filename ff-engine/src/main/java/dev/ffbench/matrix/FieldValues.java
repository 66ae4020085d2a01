package dev.ffbench.matrix;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses user-written values (POM text, {@code -D} properties) into typed values, collecting one
 * problem per bad value that names the parameter, the value and what is allowed. Allowed algorithm
 * and goodness names are what the engine discovered ({@link KnownNames}), never a list kept here.
 */
public final class FieldValues {
    /** The fields a cell selector reads, in the order the compact form documents them. */
    public static final List<String> SELECTOR_FIELDS = List.of("algorithm", "depth", "width", "goodness", "dataset", "seed");

    /** The key under which a nested parameter given as one string hands over its compact form. */
    public static final String COMPACT = "compact";

    /** Every problem, in the order found. */
    private final List<Problem> problems = new ArrayList<>();
    private final KnownNames names;

    public FieldValues(KnownNames names) {
        this.names = names;
    }

    public KnownNames names() {
        return names;
    }

    /** The problems so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Records one problem; {@link #throwIfAny} reports them all. */
    public void problem(Problem problem) {
        problems.add(problem);
    }

    /** Throws one exception listing every problem so far, if any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw HarnessException.of(problems);
        }
    }

    /**
     * The compact form of a nested parameter, e.g. {@code algorithm=ff-base;depth=2|4;metric=testAccuracy}:
     * fields separated by ';', several values of one field by '|' (a ',' would split a {@code -D}
     * list). Keys are checked against {@code allowedKeys}.
     */
    public Map<String, String> compact(String parameter, String text, List<String> allowedKeys) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return fields;
        }
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair.trim() : pair.substring(0, equals).trim();
            if (equals < 0 || !allowedKeys.contains(key)) {
                problem(Problem.found(parameter + ": '" + pair.trim() + "'", "is not a field=value pair of a known field",
                        "the fields " + String.join(", ", allowedKeys) + " (e.g. " + allowedKeys.get(0) + "=...;"
                        + allowedKeys.get(1) + "=...)"));
                continue;
            }
            String value = pair.substring(equals + 1).trim().replace('|', ',');
            String previous = fields.put(key, value);
            if (previous != null) {
                // the later pair would silently replace the earlier one
                problem(Problem.found(parameter + ": " + key, "is given twice ('" + key + "=" + previous.replace(',', '|')
                        + "' and '" + pair.trim() + "')", "each field once (several values as " + key + "=a|b)"));
            }
        }
        return fields;
    }

    /**
     * The fields of a nested parameter with its compact form ({@link #COMPACT}) expanded; fields
     * written as elements win over the same field in the compact form.
     */
    public Map<String, String> expand(String parameter, Map<String, String> fields, List<String> allowedKeys) {
        Map<String, String> expanded = compact(parameter, fields.get(COMPACT), allowedKeys);
        fields.forEach((key, value) -> {
            if (!COMPACT.equals(key)) {
                expanded.put(key, value);
            }
        });
        return expanded;
    }

    public List<String> algorithms(String parameter, List<String> values) {
        return names(parameter, values, names.algorithms(), names.algorithmListing(), "an algorithm");
    }

    public List<String> goodness(String parameter, List<String> values) {
        return names(parameter, values, names.goodness(), names.goodnessListing(), "a goodness function");
    }

    /** One algorithm name, or null when it is unknown (a problem is then recorded). */
    public String algorithm(String parameter, String value) {
        List<String> found = algorithms(parameter, split(value));
        if (found.size() > 1) {
            problem(new Problem(parameter, value, "one of " + names.algorithmListing()));
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Names checked against {@code allowed} (listed as {@code listing} in errors), order kept; a name listed
     * twice is a problem (it would add nothing: another name was probably meant).
     */
    public List<String> names(String parameter, List<String> values, List<String> allowed, String listing, String what) {
        List<String> result = new ArrayList<>();
        for (String value : clean(values)) {
            if (!allowed.contains(value)) {
                problem(Problem.found(parameter + ": '" + value + "'", "is not " + what, listing));
            } else {
                addOnce(parameter, result, value);
            }
        }
        return result;
    }

    /** Whole numbers >= {@code minimum}, order kept; a value listed twice is a problem. */
    public List<Integer> ints(String parameter, List<String> values, int minimum) {
        List<Integer> result = new ArrayList<>();
        for (String value : clean(values)) {
            Integer parsed = integer(parameter, value, minimum);
            if (parsed != null) {
                addOnce(parameter, result, parsed);
            }
        }
        return result;
    }

    /**
     * Adds {@code value} unless {@code values} has it already, which is a problem: a list parameter
     * that names a value twice (depths 2,2) would silently run it once, where another value was
     * probably meant (2,4).
     */
    private <T> void addOnce(String parameter, List<T> values, T value) {
        if (values.contains(value)) {
            problem(Problem.found(parameter, "lists " + value + " twice", "each value once"));
        } else {
            values.add(value);
        }
    }

    /** A whole number >= {@code minimum}, or null when blank or bad (a problem is then recorded). */
    public Integer integer(String parameter, String value, int minimum) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(new Problem(parameter, value.trim(), "a whole number >= " + minimum));
        return null;
    }

    public List<Long> longs(String parameter, List<String> values) {
        List<Long> result = new ArrayList<>();
        for (String value : clean(values)) {
            try {
                addOnce(parameter, result, Long.parseLong(value));
            } catch (NumberFormatException e) {
                problem(Problem.found(parameter + ": '" + value + "'", "is not a whole number", "whole numbers, e.g. 1,2,3"));
            }
        }
        return result;
    }

    /** A finite number, or null when blank or bad (a problem is then recorded). */
    public Double number(String parameter, String value) {
        return number(parameter, value, Double.NEGATIVE_INFINITY, "a finite number, e.g. 0.5");
    }

    /**
     * A finite number > 0, or null when blank or bad (a problem is then recorded, with one "allowed"
     * whether the value is not a number or not above 0).
     */
    public Double positiveNumber(String parameter, String value) {
        return number(parameter, value, 0, "a finite number > 0, e.g. 0.003");
    }

    private Double number(String parameter, String value, double above, String allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (Double.isFinite(parsed) && parsed > above) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(new Problem(parameter, value.trim(), allowed));
        return null;
    }

    public CellSelector selector(String parameter, Map<String, String> fields) {
        return new CellSelector(
                algorithms(parameter + ".algorithm", split(fields.get("algorithm"))),
                ints(parameter + ".depth", split(fields.get("depth")), 1),
                ints(parameter + ".width", split(fields.get("width")), 1),
                goodness(parameter + ".goodness", split(fields.get("goodness"))),
                clean(split(fields.get("dataset"))),
                longs(parameter + ".seed", split(fields.get("seed"))));
    }

    /** "a, b" or "a|b" to [a, b]; null or blank to []. */
    public static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return clean(List.of(value.split("[,|]")));
    }

    /** Trimmed, without blanks (Maven hands empty elements for "a,,b" or a trailing comma). */
    public static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.trim());
                    }
                }
            }
        }
        return result;
    }
}
