package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The accuracy curve and time-to-accuracy: measured in training seconds, without changing the run's figures. */
class AccuracyCurveTest {

    private static ExperimentResult run(String algorithm, Map<String, String> extra) {
        return ExperimentRunner.engine().run(Specs.small(algorithm, 2, new java.util.HashMap<>(Map.of(
                "epochs", "3", "maxStepsPerEpoch", "4")) {{ putAll(extra); }}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backprop", "ff-base", "ff-recurrent"})
    void everyEpochOfTheTrainedStackIsAPointAndTheEvaluationsStayOutOfTheFigures(String algorithm) {
        ExperimentResult plain = run(algorithm, Map.of());
        ExperimentResult curved = run(algorithm, Map.of("evaluateEvery", "1", "targetAccuracy", "0.05"));

        List<CurvePoint> curve = curved.curve();
        assertEquals(List.of(1, 2, 3), curve.stream().map(CurvePoint::epoch).toList(),
                "layerwise FF: the epochs of its top layer, when the whole stack can predict");
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).trainSeconds() > curve.get(i - 1).trainSeconds(), curve.toString());
        }
        assertEquals(new CurvePoint(3, curved.trainSeconds(), curved.testAccuracy()), curve.get(2), "the final evaluation closes it");
        assertEquals(curve.get(0).trainSeconds(), curved.secondsToAccuracy(), "5 % is reached at the first point");
        // the same training: same losses, accuracy and memory, whether or not it was evaluated on the way
        assertEquals(plain.losses(), curved.losses());
        assertEquals(plain.testAccuracy(), curved.testAccuracy());
        assertEquals(plain.memory().trainingPeak(), curved.memory().trainingPeak());
        assertEquals(plain.memory().evaluationPeak(), curved.memory().evaluationPeak());

        assertEquals(List.of(new CurvePoint(3, plain.trainSeconds(), plain.testAccuracy())), plain.curve());
        assertNull(plain.secondsToAccuracy(), "no target, no time to it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backprop"})
    void aTargetNeverReachedHasNoTime(String algorithm) {
        ExperimentResult result = run(algorithm, Map.of("targetAccuracy", "1.0"));
        assertTrue(result.testAccuracy() < 1.0);
        assertNull(result.secondsToAccuracy());
        assertEquals(Double.POSITIVE_INFINITY, dev.ffbench.results.Metric.SECONDS_TO_ACCURACY.of(result));
        assertEquals("never reached", dev.ffbench.results.Metric.SECONDS_TO_ACCURACY.format(
                dev.ffbench.results.Metric.SECONDS_TO_ACCURACY.of(result)));
    }
}
