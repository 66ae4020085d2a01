package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ffbench.ff.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When test predictions show no learning, the result says why. */
class EvaluationDiagnosticsTest {
    private static final int T = Labels.TIE;
    // ten images, labels 0..4 twice: chance (the most frequent class's share) is 20 %
    private static final int[] LABELS = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};

    @Test
    void soundPredictionsAreNotDegenerate() {
        int[] predictions = {0, 1, 2, 3, 4, 0, 1, 2, 4, 3};
        EvaluationDiagnostics d = EvaluationDiagnostics.of(predictions, LABELS, 5, 0.8, List.of(0.1, 0.0));
        assertEquals(0.0, d.tieFraction());
        assertEquals(0.2, d.mostPredictedShare());
        assertEquals(0.2, d.chanceAccuracy());
        assertEquals(List.of(0.1, 0.0), d.deadUnitFractions());
        assertFalse(d.isDegenerate(), d.degenerate().toString());
    }

    @Test
    void aCollapsedNetIsDegenerateForEveryReasonItShows() {
        int[] predictions = {T, T, T, T, T, T, T, T, T, T};
        EvaluationDiagnostics d = EvaluationDiagnostics.of(predictions, LABELS, 5, 0.0, List.of(1.0, 0.5));
        assertEquals(1.0, d.tieFraction());
        assertEquals(List.of(
                "every unit of layer 1 is dead (outputs 0 for every test image)",
                "100.00 % of the test predictions are ties (counted as wrong)",
                "test accuracy 0.00 % is not above chance (20.00 %, the most frequent class's share of the test split)"),
                d.degenerate());
    }

    @Test
    void oneLabelForNearlyEveryImageIsDegenerateEvenAboveChance() {
        int[] predictions = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        EvaluationDiagnostics d = EvaluationDiagnostics.of(predictions, LABELS, 5, 0.3, List.of());
        assertEquals(List.of("90.00 % of the test images get the same label"), d.degenerate());
    }

    @Test
    void accuracyAtChancePlusLessThanAPointIsNotLearning() {
        int[] predictions = {0, 1, 0, 1, 0, 1, 0, 1, 2, 3};
        EvaluationDiagnostics d = EvaluationDiagnostics.of(predictions, LABELS, 5, 0.205, List.of());
        assertEquals(List.of("test accuracy 20.50 % is not above chance (20.00 %, the most frequent class's share"
                + " of the test split)"), d.degenerate());
    }

    @Test
    void aLayerWithMoreThanTheBoundOfItsUnitsDeadIsNamedWithItsShare() {
        int[] predictions = {0, 1, 2, 3, 4, 0, 1, 2, 4, 3};
        EvaluationDiagnostics d = EvaluationDiagnostics.of(predictions, LABELS, 5, 0.8, List.of(0.89, 0.5, 0.67, 1.0));
        // at the bound is not over it; a wholly dead layer makes the predictions degenerate instead
        assertEquals(List.of("layer 1: 89.00 % of its units never fired", "layer 3: 67.00 % of its units never fired"),
                d.deadUnitLayers());
        assertEquals(List.of("every unit of layer 4 is dead (outputs 0 for every test image)"), d.degenerate());
        assertEquals(List.of(), EvaluationDiagnostics.of(predictions, LABELS, 5, 0.8, List.of(0.5, 0.29)).deadUnitLayers());
    }
}
