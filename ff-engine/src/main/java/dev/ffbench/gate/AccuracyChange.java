package dev.ffbench.gate;

import dev.ffbench.results.Metric;
import java.util.List;
import java.util.Locale;

/**
 * How the mean test accuracy of one group moved against the baseline's, over the same seeds on both
 * sides (a {@link SeedMatch}), and how far it may drop: {@code maxAccuracyDropPoints} plus the seed-noise
 * allowance ({@code accuracyNoiseSigmas} standard errors of the difference of the two means; 0 with one
 * seed on each side), never more than {@link #MAX_NOISE_POINTS}. All in percentage points. The baseline
 * gate and the comparison table both use this one computation.
 *
 * @param seeds the seeds both means are taken over
 * @param meanNow the mean test accuracy over those seeds now (a fraction)
 * @param meanBefore the baseline's mean over the same seeds (a fraction)
 * @param dropPoints how far the mean dropped, in points (negative when it rose)
 * @param maxDropPoints the configured drop allowed (maxAccuracyDropPoints), in points
 * @param noiseSigmas the configured accuracyNoiseSigmas
 * @param spreadNowPoints the standard deviation of this run's accuracies over the seeds, in points
 * @param spreadBeforePoints the standard deviation of the baseline's, in points
 * @param spreadNoisePoints what the spreads give as seed noise before the cap, in points
 */
public record AccuracyChange(List<Long> seeds, double meanNow, double meanBefore, double dropPoints, double maxDropPoints,
        double noiseSigmas, double spreadNowPoints, double spreadBeforePoints, double spreadNoisePoints) {

    /**
     * The most the seed-noise allowance adds, in points. Seeds of nets that learned differ by a few points:
     * three seeds a side with a standard deviation of 3 points (a wide spread for nets that learned) give
     * 2 x 3 x sqrt(2/3) = 4.9 points at the default 2 sigmas. A wider spread is no seed noise but a seed
     * that learned far less than the others (a partial collapse the degenerate check does not catch), and
     * forgiving it would hide a real drop on the other seeds. A fixed cap rather than one tied to
     * maxAccuracyDropPoints, since that also bounds single-seed groups, which have no noise allowance: tying
     * the two would make a user widen the single-seed bound to keep several seeds' noise.
     */
    public static final double MAX_NOISE_POINTS = 5.0;

    public AccuracyChange {
        seeds = List.copyOf(seeds);
    }

    /** Compares the seeds {@code match} pairs; {@code match} must compare at least one seed. */
    static AccuracyChange of(BaselineTolerance tolerance, SeedMatch match) {
        if (match.isEmpty()) {
            throw new IllegalArgumentException("no seed to compare");
        }
        SeedStatistics now = SeedStatistics.of(match.now(), Metric.TEST_ACCURACY);
        SeedStatistics before = SeedStatistics.of(match.before(), Metric.TEST_ACCURACY);
        double spreadNoise = 100 * tolerance.accuracyNoiseSigmas() * SeedStatistics.standardErrorOfDifference(now, before);
        return new AccuracyChange(match.seeds(), now.mean(), before.mean(), 100 * (before.mean() - now.mean()),
                tolerance.maxAccuracyDropPoints(), tolerance.accuracyNoiseSigmas(), 100 * Math.sqrt(now.variance()),
                100 * Math.sqrt(before.variance()), spreadNoise);
    }

    /** The seed-noise allowance, in points: what the spreads give, at most {@link #MAX_NOISE_POINTS}. */
    public double noisePoints() {
        return Math.min(spreadNoisePoints, MAX_NOISE_POINTS);
    }

    /** The largest drop that passes, in points: the configured drop plus the noise allowance. */
    public double allowedDropPoints() {
        return maxDropPoints + noisePoints();
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
                + (noisePoints() > 0 ? String.format(Locale.ROOT, " (%.2f + %.2f for seed noise)", maxDropPoints, noisePoints())
                        : "");
    }

    /**
     * Where the noise allowance came from, "" when there is none: "; seed noise 3.27 points: 2 standard
     * errors of the difference of the means over seeds 1, 2, 3 (standard deviation 2.00 points now, 2.00 in
     * the baseline)", and when capped "; seed noise 5.00 points, the cap: 2 standard errors ... give
     * 53.12 points, and a spread that wide is no seed noise".
     */
    public String noiseSource() {
        if (spreadNoisePoints <= 0) {
            return "";
        }
        String source = String.format(Locale.ROOT, "%s standard errors of the difference of the means over %s (standard"
                + " deviation %.2f points now, %.2f in the baseline)", Bounds.plainNumber(noiseSigmas),
                SeedMatch.seedsText(seeds), spreadNowPoints, spreadBeforePoints);
        if (spreadNoisePoints <= MAX_NOISE_POINTS) {
            return String.format(Locale.ROOT, "; seed noise %.2f points: ", spreadNoisePoints) + source;
        }
        return String.format(Locale.ROOT, "; seed noise %.2f points, the cap: %s give %.2f points, and a spread that wide"
                + " is no seed noise but a seed that learned less than the others", MAX_NOISE_POINTS, source, spreadNoisePoints);
    }
}
