package dev.ffbench.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The algorithm-specific options of one run, by name, as canonical values (see {@link Option}):
 * Integer, Double, Boolean or String. A resolved spec holds every option its algorithm declares,
 * defaults included, except options whose default is "unset". Written to JSON as a plain object
 * in name order, so the same options always read and compare the same.
 */
public final class Options {
    public static final Options NONE = new Options(Map.of());

    private final Map<String, Object> values;

    @JsonCreator
    public Options(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
    }

    @JsonValue
    public Map<String, Object> values() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of a {@link Option.Type#INTEGER} option; throws if the spec does not hold it. */
    public int integer(String name) {
        return ((Number) required(name)).intValue();
    }

    /** The value of a {@link Option.Type#NUMBER} option; throws if the spec does not hold it. */
    public double number(String name) {
        return ((Number) required(name)).doubleValue();
    }

    /** The value of a number option whose default is unset, or null when unset. */
    public Double optionalNumber(String name) {
        Object value = values.get(name);
        return value == null ? null : ((Number) value).doubleValue();
    }

    /** The value of a {@link Option.Type#FLAG} option. */
    public boolean flag(String name) {
        return (Boolean) required(name);
    }

    /** The value of a {@link Option.Type#CHOICE} or {@link Option.Type#GOODNESS} option. */
    public String text(String name) {
        return (String) required(name);
    }

    private Object required(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("option " + name + " is not set in this spec (options: " + values.keySet()
                    + "); declare it in the algorithm's options() so that the engine fills in its default");
        }
        return value;
    }

    /** These options with {@code name} set to {@code value} (a canonical value). */
    public Options with(String name, Object value) {
        Map<String, Object> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new Options(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Options o && values.equals(o.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
