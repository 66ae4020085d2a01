package dev.ffbench.results;

import dev.ffbench.experiment.ExperimentResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** A figure of a cell's result that a gate can bound. Accuracies are fractions in [0, 1]. */
public enum Metric {
    TRAINING_PEAK_BYTES("trainingPeakBytes", Unit.BYTES, r -> r.memory().trainingPeak().totalBytes()),
    EVALUATION_PEAK_BYTES("evaluationPeakBytes", Unit.BYTES, r -> r.memory().evaluationPeak().totalBytes()),
    TEST_ACCURACY("testAccuracy", Unit.FRACTION, ExperimentResult::testAccuracy),
    TRAIN_ACCURACY("trainAccuracy", Unit.FRACTION, ExperimentResult::trainAccuracy),
    SAMPLES_PER_SECOND("samplesPerSecond", Unit.RATE, ExperimentResult::samplesPerSecond),
    /**
     * Training seconds until the accuracy curve first reached the cell's {@code targetAccuracy}: +Infinity
     * ("never") when it did not, NaN when the cell set no target (nothing to judge).
     */
    SECONDS_TO_ACCURACY("secondsToAccuracy", Unit.SECONDS, r -> r.spec().targetAccuracy() == null ? Double.NaN
            : r.secondsToAccuracy() == null ? Double.POSITIVE_INFINITY : r.secondsToAccuracy());

    /** How a metric's values read. */
    public enum Unit { BYTES, FRACTION, RATE, SECONDS }

    private final String key;
    private final Unit unit;
    private final ToDoubleFunction<ExperimentResult> extractor;

    Metric(String key, Unit unit, ToDoubleFunction<ExperimentResult> extractor) {
        this.key = key;
        this.unit = unit;
        this.extractor = extractor;
    }

    /** The name used in POMs, messages and results. */
    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public double of(ExperimentResult result) {
        return extractor.applyAsDouble(result);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Metric::key).toList();
    }

    /** The metric named {@code key}, or null. */
    public static Metric byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst().orElse(null);
    }

    /** "17,233,232 B", "90.13 %", "6,075 samples/s", "12.40 s". */
    public String format(double value) {
        return switch (unit) {
            case BYTES -> String.format(Locale.ROOT, "%,d B", Math.round(value));
            case FRACTION -> String.format(Locale.ROOT, "%.2f %%", 100 * value);
            case RATE -> String.format(Locale.ROOT, "%,.0f samples/s", value);
            case SECONDS -> Double.isNaN(value) ? "not measured (no targetAccuracy)"
                    : Double.isInfinite(value) ? "never reached" : String.format(Locale.ROOT, "%.2f s", value);
        };
    }
}
