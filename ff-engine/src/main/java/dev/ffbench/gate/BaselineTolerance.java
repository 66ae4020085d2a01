package dev.ffbench.gate;

/**
 * How far results may move from the baseline. Memory is exact and deterministic, so the default
 * allows no growth at all; accuracy varies with the seed, so a drop is judged on the mean over the
 * seeds both sides have and may exceed {@code maxAccuracyDropPoints} by {@code accuracyNoiseSigmas}
 * standard errors of the difference of the means, never by more than
 * {@link AccuracyChange#MAX_NOISE_POINTS}. Speed is gated only when {@code maxSpeedDropPercent} is
 * set: wall time depends on the machine and its load.
 */
public record BaselineTolerance(
        double maxMemoryGrowthPercent,
        double maxAccuracyDropPoints,
        double accuracyNoiseSigmas,
        Double maxSpeedDropPercent) {

    public static final double DEFAULT_MAX_MEMORY_GROWTH_PERCENT = 0.0;
    public static final double DEFAULT_MAX_ACCURACY_DROP_POINTS = 1.0;
    public static final double DEFAULT_ACCURACY_NOISE_SIGMAS = 2.0;

    public static final BaselineTolerance DEFAULTS = new BaselineTolerance(DEFAULT_MAX_MEMORY_GROWTH_PERCENT,
            DEFAULT_MAX_ACCURACY_DROP_POINTS, DEFAULT_ACCURACY_NOISE_SIGMAS, null);
}
