package dev.ffbench.nn;

import dev.ffbench.io.Problem;
import java.util.List;

/**
 * A learning-rate schedule as a factor on the configured rate, step by step: {@code constant} (always
 * 1) or {@code cooldown}, 1 until the last {@code coolDownFraction} of the steps and then falling
 * linearly towards 0 (loeweX/Forward-Forward cools its rate to zero over the second half of training).
 * Reusable by any model that knows its number of steps; apply it with {@link Optimizer#scaleLearningRate}.
 *
 * @param kind {@code constant} or {@code cooldown}
 * @param coolDownFraction the share of the steps (0 < f <= 1) over which {@code cooldown} falls
 */
public record LearningRateSchedule(String kind, double coolDownFraction) {
    public static final List<String> KINDS = List.of("constant", "cooldown");

    public LearningRateSchedule {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException(
                    Problem.found("learning-rate schedule '" + kind + "'", "is unknown", KINDS.toString()).message());
        }
        if (!(coolDownFraction > 0 && coolDownFraction <= 1)) {
            throw new IllegalArgumentException(
                    Problem.found("coolDownFraction", "is " + coolDownFraction, "> 0 and <= 1").message());
        }
    }

    /**
     * The factor for step {@code step} (0-based) of {@code steps}: for {@code cooldown}, min(1, (steps -
     * step) / (f steps)), so the last step still moves (factor 1 / (f steps)) and no step is wasted at 0.
     */
    public double factor(long step, long steps) {
        if (kind.equals("constant")) {
            return 1;
        }
        return Math.min(1.0, (steps - step) / (coolDownFraction * steps));
    }
}
