package dev.ffbench.maven;

import java.util.Map;

/**
 * A ratio gate: {@code metric} of each {@code algorithm} cell divided by that of the
 * {@code reference} cell (default backprop) at the same depth, width, data and seed, bounded by
 * {@code minimum} and/or {@code maximum}; depth, width, goodness, dataset and seed narrow the pairs.
 * Compact form: {@code algorithm=ff-base;maximum=0.5}.
 */
public class Ratio extends CellPattern {
    /** The algorithm compared with the reference (default backprop). */
    protected String reference;
    /** The metric compared (default trainingPeakBytes). */
    protected String metric;
    /** The smallest allowed ratio. */
    protected String minimum;
    /** The largest allowed ratio, e.g. 0.5. */
    protected String maximum;

    @Override
    Map<String, String> fields() {
        Map<String, String> fields = super.fields();
        put(fields, "reference", reference);
        put(fields, "metric", metric);
        put(fields, "minimum", minimum);
        put(fields, "maximum", maximum);
        return fields;
    }
}
