package dev.ffbench.experiment;

import dev.ffbench.api.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Test accuracy against training seconds: after every {@code evaluateEvery} epochs of the model's last
 * training phase (when the whole model can predict) the test split is evaluated, and the time that
 * takes is kept out of the training seconds; the final evaluation closes the curve.
 * {@code secondsToAccuracy} reads the curve: the training seconds of its first point at or above the
 * target.
 */
final class AccuracyCurve {
    private final ExperimentSpec spec;
    private final List<CurvePoint> points = new ArrayList<>();
    private long trainStart;
    private long pausedNanos;

    AccuracyCurve(ExperimentSpec spec) {
        this.spec = spec;
    }

    /** Starts the training clock. */
    void start() {
        trainStart = System.nanoTime();
    }

    /** After epoch {@code epoch} of the last phase: evaluates with {@code testAccuracy} when the spec asks for a point. */
    void afterEpoch(int epoch, DoubleSupplier testAccuracy) {
        if (spec.evaluateEvery() > 0 && epoch % spec.evaluateEvery() == 0 && epoch < spec.epochs()) {
            long pause = System.nanoTime();
            try {
                points.add(new CurvePoint(epoch, trainingSeconds(pause), testAccuracy.getAsDouble()));
            } finally {
                pausedNanos += System.nanoTime() - pause;
            }
        }
    }

    /** Training seconds up to {@code now}, without the evaluations. */
    double trainingSeconds(long now) {
        return (now - trainStart - pausedNanos) / 1e9;
    }

    /** The curve closed by the final evaluation. */
    List<CurvePoint> finish(double trainSeconds, double testAccuracy) {
        points.add(new CurvePoint(spec.epochs(), trainSeconds, testAccuracy));
        return List.copyOf(points);
    }

    /** The training seconds to reach the spec's target accuracy; null when it is unset or never reached. */
    static Double secondsTo(Double target, List<CurvePoint> curve) {
        if (target == null) {
            return null;
        }
        return curve.stream().filter(p -> p.testAccuracy() >= target).map(CurvePoint::trainSeconds).findFirst().orElse(null);
    }
}
