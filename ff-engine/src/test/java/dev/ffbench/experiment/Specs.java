package dev.ffbench.experiment;

import dev.ffbench.api.ExperimentSpec;
import java.util.Map;

/** Small, fast specs for tests: the seeded synthetic dataset unless a test needs real digits. */
public final class Specs {
    private Specs() {}

    /** The defaults with {@code overrides} applied, as a user's --set would. */
    public static ExperimentSpec with(Map<String, String> overrides) {
        return SpecResolver.engine().resolve(overrides);
    }

    /** A two-minute-budget spec: synthetic data, width 32, one epoch of a few steps. */
    public static ExperimentSpec small(String algorithm, int depth, Map<String, String> overrides) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(Map.of(
                "algorithm", algorithm,
                "dataset", "synthetic:7:400:100",
                "depth", Integer.toString(depth),
                "width", "32",
                "epochs", "1",
                "batchSize", "50",
                "maxStepsPerEpoch", "3"));
        all.putAll(overrides);
        return with(all);
    }
}
