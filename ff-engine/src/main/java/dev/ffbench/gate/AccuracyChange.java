package dev.ffbench.gate;

import dev.ffbench.harness.CellRecord;
import java.util.List;
import java.util.Locale;

/**
 * How the mean test accuracy of one group of seeds moved against the baseline's, and how far it
 * may drop: {@code maxAccuracyDropPoints} plus the seed-noise allowance ({@code accuracyNoiseSigmas}
 * standard errors of the difference of the two means; 0 with one seed on each side). All in
 * percentage points. The baseline gate and the comparison table both use this one computation.
 *
 * @param meanNow the mean test accuracy over the group's seeds now (a fraction)
 * @param meanBefore the baseline's mean (a fraction)
 * @param dropPoints how far the mean dropped, in points (negative when it rose)
 * @param maxDropPoints the configured drop allowed (maxAccuracyDropPoints), in points
 * @param noisePoints the seed-noise allowance, in points
 */
public record AccuracyChange(double meanNow, double meanBefore, double dropPoints, double maxDropPoints,
        double noisePoints) {

    /** Compares the group {@code cells} with the baseline's cells of the same group. */
    public static AccuracyChange of(BaselineTolerance tolerance, List<CellRecord> cells, List<CellRecord> baseline) {
        SeedStatistics now = SeedStatistics.of(cells, Metric.TEST_ACCURACY);
        SeedStatistics before = SeedStatistics.of(baseline, Metric.TEST_ACCURACY);
        double noisePoints = 100 * tolerance.accuracyNoiseSigmas() * SeedStatistics.standardErrorOfDifference(now, before);
        return new AccuracyChange(now.mean(), before.mean(), 100 * (before.mean() - now.mean()),
                tolerance.maxAccuracyDropPoints(), noisePoints);
    }

    /** The largest drop that passes, in points: the configured drop plus the noise allowance. */
    public double allowedDropPoints() {
        return maxDropPoints + noisePoints;
    }

    /** True when the drop exceeds what is allowed: the baseline gate fails. */
    public boolean violates() {
        return dropPoints > allowedDropPoints();
    }

    /** The change of the mean in points, signed: "-1.67 pts", "+0.50 pts". */
    public String deltaText() {
        return String.format(Locale.ROOT, "%+.2f pts", 0.0 - dropPoints);
    }

    /** "a drop of at most 4.27 points (1.00 + 3.27 for seed noise)", or without the noise part when it is 0. */
    public String boundText() {
        return String.format(Locale.ROOT, "a drop of at most %.2f points", allowedDropPoints())
                + (noisePoints > 0 ? String.format(Locale.ROOT, " (%.2f + %.2f for seed noise)", maxDropPoints, noisePoints)
                        : "");
    }
}
