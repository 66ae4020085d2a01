package dev.ffbench.maven;

import java.util.Map;

/**
 * An absolute gate, like a {@code jacoco:check} rule: the cells it selects (any of
 * algorithm, depth, width, goodness, dataset, seed), a {@code metric} and a {@code minimum} and/or
 * {@code maximum}. Compact form: {@code algorithm=ff-base;metric=testAccuracy;minimum=0.85}.
 */
public class Rule extends CellPattern {
    /** trainingPeakBytes, evaluationPeakBytes, testAccuracy, trainAccuracy or samplesPerSecond. */
    protected String metric;
    /** The smallest allowed value (accuracies as fractions: 0.9 is 90 %). */
    protected String minimum;
    /** The largest allowed value. */
    protected String maximum;

    @Override
    Map<String, String> fields() {
        Map<String, String> fields = super.fields();
        put(fields, "metric", metric);
        put(fields, "minimum", minimum);
        put(fields, "maximum", maximum);
        return fields;
    }
}
