package dev.ffbench.maven;

import dev.ffbench.matrix.FieldValues;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of cells in the POM ({@code <include>}, {@code <exclude>}, {@code <extraCell>}): each field
 * is optional and may list several values separated by commas. The compact form
 * {@code algorithm=ff-base;depth=2|4} sets it from one string, which is how {@code -Dff.excludes=...}
 * reaches it.
 */
public class CellPattern {
    /** Algorithm names, e.g. {@code ff-base,backprop}. */
    protected String algorithm;
    /** Depths, e.g. {@code 2,4}. */
    protected String depth;
    /** Widths, e.g. {@code 64}. */
    protected String width;
    /** Goodness function names. */
    protected String goodness;
    /** Datasets. */
    protected String dataset;
    /** Seeds. */
    protected String seed;
    /** The compact form, when the pattern was given as one string. */
    private String compact;

    /** Maven calls this for a pattern written as one string (the compact form). */
    public void set(String compact) {
        this.compact = compact;
    }

    /** Field name to value as written: the compact form's pairs, then the nested elements. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, FieldValues.COMPACT, compact);
        put(fields, "algorithm", algorithm);
        put(fields, "depth", depth);
        put(fields, "width", width);
        put(fields, "goodness", goodness);
        put(fields, "dataset", dataset);
        put(fields, "seed", seed);
        return fields;
    }

    static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.trim());
        }
    }
}
