package dev.ffbench.gate;

import dev.ffbench.results.Metric;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every gate of a build: absolute rules, ratio rules, the baseline tolerance; and whether violations
 * fail the build ({@code failOnViolation}; false: the gates are advisory, see {@link Verdict}).
 */
public record GateConfig(
        List<AbsoluteRule> rules,
        List<RatioRule> ratios,
        BaselineTolerance tolerance,
        boolean failIfNoBaseline,
        boolean failOnViolation) {

    public GateConfig {
        rules = List.copyOf(rules);
        ratios = List.copyOf(ratios);
    }

    /** Gates whose violations fail the build (failOnViolation, the default). */
    public GateConfig(List<AbsoluteRule> rules, List<RatioRule> ratios, BaselineTolerance tolerance, boolean failIfNoBaseline) {
        this(rules, ratios, tolerance, failIfNoBaseline, true);
    }

    public static final GateConfig DEFAULTS = new GateConfig(List.of(), List.of(), BaselineTolerance.DEFAULTS, false, true);

    /**
     * The metrics some gate judges, in {@link Metric} order: the baseline gates' training and
     * evaluation peaks and test accuracy, samples/s when a speed drop is bounded, and every metric
     * of an absolute or ratio rule.
     */
    public List<Metric> gatedMetrics() {
        Set<Metric> metrics = EnumSet.of(Metric.TRAINING_PEAK_BYTES, Metric.EVALUATION_PEAK_BYTES, Metric.TEST_ACCURACY);
        if (tolerance.maxSpeedDropPercent() != null) {
            metrics.add(Metric.SAMPLES_PER_SECOND);
        }
        rules.stream().map(AbsoluteRule::metric).filter(java.util.Objects::nonNull).forEach(metrics::add);
        ratios.stream().map(RatioRule::metric).filter(java.util.Objects::nonNull).forEach(metrics::add);
        return List.copyOf(metrics);
    }
}
