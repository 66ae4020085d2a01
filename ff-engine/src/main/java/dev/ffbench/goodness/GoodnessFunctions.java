package dev.ffbench.goodness;

/**
 * Helpers over goodness functions. The functions themselves are discovered by name with
 * {@link java.util.ServiceLoader} (see {@link dev.ffbench.experiment.Extensions}); the built-ins are
 * registered in the engine's {@code META-INF/services/dev.ffbench.goodness.GoodnessFunction}.
 */
public final class GoodnessFunctions {
    private GoodnessFunctions() {}

    /**
     * The loss a layer of {@code units} units trains with: the configured threshold, else the
     * function's natural one; the configured sharpness alpha, else the function's default.
     */
    public static LayerLoss layerLoss(GoodnessFunction goodness, Double threshold, Double alpha, int units) {
        return goodness.loss(threshold != null ? threshold : goodness.naturalThreshold(units), alpha);
    }
}
