package dev.ffbench.goodness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of goodness functions by name: adding one is one class and one line here. */
public final class GoodnessFunctions {
    private static final Map<String, Supplier<GoodnessFunction>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(SumOfSquares.NAME, SumOfSquares::new);
        REGISTRY.put(MeanOfSquares.NAME, MeanOfSquares::new);
        REGISTRY.put(NegativeSumOfSquares.NAME, NegativeSumOfSquares::new);
        REGISTRY.put(Symba.NAME, Symba::new);
    }

    private GoodnessFunctions() {}

    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /**
     * The loss a layer of {@code units} units trains with: the configured threshold, else the
     * function's natural one; the configured sharpness alpha, else the function's default.
     */
    public static LayerLoss layerLoss(GoodnessFunction goodness, Double threshold, Double alpha, int units) {
        return goodness.loss(threshold != null ? threshold : goodness.naturalThreshold(units), alpha);
    }

    public static GoodnessFunction named(String name) {
        Supplier<GoodnessFunction> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("goodness '" + name + "' is unknown; allowed: " + String.join(", ", names()));
        }
        return factory.get();
    }
}
