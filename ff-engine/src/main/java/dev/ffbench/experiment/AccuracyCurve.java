package dev.ffbench.experiment;

import dev.ffbench.dataset.ImageSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Test accuracy against training seconds: every {@code evaluateEvery} epochs the model announces
 * (see {@link MeasuredModel#epochFinished}) the test split is evaluated, and the time that takes is
 * kept out of the training seconds; the final evaluation closes the curve. {@code secondsToAccuracy}
 * reads the curve: the training seconds of its first point at or above the target.
 */
final class AccuracyCurve {
    private final ExperimentSpec spec;
    private final ImageSet test;
    private final List<CurvePoint> points = new ArrayList<>();
    private long trainStart;
    private long pausedNanos;

    AccuracyCurve(ExperimentSpec spec, ImageSet test) {
        this.spec = spec;
        this.test = test;
    }

    /** Starts the training clock and, when the spec asks for a curve, listens to the model's epochs. */
    void start(Model model, java.util.function.ToDoubleFunction<int[]> accuracy) {
        trainStart = System.nanoTime();
        if (spec.evaluateEvery() > 0 && model instanceof MeasuredModel measured) {
            measured.onEpochFinished(epoch -> {
                if (epoch % spec.evaluateEvery() == 0 && epoch < spec.epochs()) {
                    long pause = System.nanoTime();
                    measured.evaluatingDuringTraining(true);
                    try {
                        points.add(new CurvePoint(epoch, trainingSeconds(pause), accuracy.applyAsDouble(model.predict(test))));
                    } finally {
                        measured.evaluatingDuringTraining(false);
                        pausedNanos += System.nanoTime() - pause;
                    }
                }
            });
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
