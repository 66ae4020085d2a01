package dev.ffbench.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the test split's predictions say beyond the accuracy, so that a net that did not learn is not
 * counted as one that did: a collapsed FF net (every unit dead, every label scoring the same) would
 * otherwise "score" the share of whichever label ties are broken toward.
 *
 * @param tieFraction the share of test images whose highest score was shared by two or more labels
 *     (counted as wrong; see {@link dev.ffbench.ff.Labels#TIE})
 * @param mostPredictedShare the share of test images given the most often predicted label
 * @param chanceAccuracy the most frequent class's share of the test split: what always guessing it scores
 * @param deadUnitFractions per hidden layer (first to last) the share of units that never fired (output
 *     0 for every test image and label), for models that report it; empty otherwise
 * @param degenerate why the predictions cannot be taken as learned (see {@link #of}); empty when they can
 */
public record EvaluationDiagnostics(
        double tieFraction,
        double mostPredictedShare,
        double chanceAccuracy,
        List<Double> deadUnitFractions,
        List<String> degenerate) {

    /** Predictions are degenerate when one label takes at least this share of them (unless the data is that skewed). */
    static final double ONE_LABEL_SHARE = 0.9;
    /** Accuracy within this many points of chance is not learning. */
    static final double CHANCE_MARGIN = 0.01;
    /**
     * A layer with more than this share of its units dead (never firing on the test split) has lost that
     * share of its capacity: the cell is marked (see {@link #deadUnitLayers}). Why this bound: docs/engine-cli.md,
     * "Honest accuracy", "Dead units are named".
     */
    public static final double DEAD_UNIT_BOUND = 0.5;

    /** {@link #DEAD_UNIT_BOUND} as messages show it: "50 %". */
    public static String deadUnitBoundText() {
        return percent(DEAD_UNIT_BOUND).replace(".00 %", " %");
    }

    public EvaluationDiagnostics {
        deadUnitFractions = deadUnitFractions == null ? List.of() : List.copyOf(deadUnitFractions);
        degenerate = degenerate == null ? List.of() : List.copyOf(degenerate);
    }

    @JsonIgnore
    public boolean isDegenerate() {
        return !degenerate.isEmpty();
    }

    /**
     * Each layer (numbered from 1) with more than {@link #DEAD_UNIT_BOUND} of its units dead but not all
     * of them (a layer whose every unit is dead makes the predictions {@link #degenerate}), with its
     * share: "layer 1: 89.00 % of its units never fired". The accuracy of such a net is real, and so
     * it is not vetoed as a degenerate one is, but it is a crippled net's: dying ReLUs are the known way FF
     * with Adam fails, and without this mark a net that lost most of a layer would pass unremarked.
     */
    @JsonIgnore
    public List<String> deadUnitLayers() {
        List<String> layers = new ArrayList<>();
        for (int l = 0; l < deadUnitFractions.size(); l++) {
            double dead = deadUnitFractions.get(l);
            if (dead > DEAD_UNIT_BOUND && dead < 1.0) {
                layers.add("layer " + (l + 1) + ": " + percent(dead) + " of its units never fired");
            }
        }
        return layers;
    }

    /**
     * The diagnostics of {@code predictions} against {@code labels} ({@link dev.ffbench.ff.Labels#TIE} for
     * a tie), and the reasons they are degenerate: a layer whose units all stayed dead, one label
     * predicted for nearly every image (at least 90 %, or halfway from the chance level to 100 % when the
     * data is skewed beyond that), or a test accuracy no higher than chance plus one point.
     */
    public static EvaluationDiagnostics of(int[] predictions, int[] labels, int classes, double testAccuracy,
            List<Double> deadUnitFractions) {
        int n = predictions.length;
        int ties = 0;
        int[] predicted = new int[classes];
        int[] actual = new int[classes];
        for (int i = 0; i < n; i++) {
            if (predictions[i] < 0) {
                ties++;
            } else if (predictions[i] < classes) {
                predicted[predictions[i]]++;
            }
            actual[labels[i]]++;
        }
        double tieFraction = share(ties, n);
        double mostPredicted = share(max(predicted), n);
        double chance = share(max(actual), n);
        List<String> reasons = new ArrayList<>();
        for (int l = 0; l < deadUnitFractions.size(); l++) {
            if (deadUnitFractions.get(l) >= 1.0) {
                reasons.add("every unit of layer " + (l + 1) + " is dead (outputs 0 for every test image)");
            }
        }
        double oneLabel = Math.max(ONE_LABEL_SHARE, chance + (1 - chance) / 2);
        if (mostPredicted >= oneLabel) {
            reasons.add(percent(mostPredicted) + " of the test images get the same label");
        }
        if (tieFraction >= 0.5) {
            reasons.add(percent(tieFraction) + " of the test predictions are ties (counted as wrong)");
        }
        if (testAccuracy <= chance + CHANCE_MARGIN) {
            reasons.add("test accuracy " + percent(testAccuracy) + " is not above chance (" + percent(chance)
                    + ", the most frequent class's share of the test split)");
        }
        return new EvaluationDiagnostics(tieFraction, mostPredicted, chance, deadUnitFractions, reasons);
    }

    private static int max(int[] counts) {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    private static double share(int count, int n) {
        return n == 0 ? 0 : (double) count / n;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }
}
