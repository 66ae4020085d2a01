package dev.ffbench.api;

/**
 * What the report's fairness note compares between the two sides of a benchmark, as an algorithm
 * declares it for one run ({@link Algorithm#traits(ExperimentSpec)}) and the result records it: no
 * algorithm is special by its name.
 *
 * @param role whether the algorithm is the reference the others are measured against (backprop) or a
 *     candidate (FF)
 * @param normalization how inputs are normalized before each layer, in a few words that are equal when
 *     the normalization is, e.g. "length normalization" or "none"; null when the algorithm does not say
 * @param rowsPerStep rows one step trains on, e.g. "128 (2 x 64: 64 positives + 64 negatives)" or
 *     "64 images"; null when the algorithm does not say
 * @param finishedLayersKeep for layerwise training, what a finished layer keeps (e.g. "weights only");
 *     null when layers do not finish before training ends
 */
public record AlgorithmTraits(Role role, String normalization, String rowsPerStep, String finishedLayersKeep) {

    /** The two sides of a benchmark. */
    public enum Role {
        /** An algorithm under test: FF Base, FF Recurrent, a project's own. */
        CANDIDATE,
        /** The baseline the candidates are measured against: backprop. */
        REFERENCE
    }

    public AlgorithmTraits {
        role = role == null ? Role.CANDIDATE : role;
    }

    /** A candidate that declares nothing (the default of {@link Algorithm#traits}). */
    public static AlgorithmTraits undeclared() {
        return new AlgorithmTraits(Role.CANDIDATE, null, null, null);
    }

    /** Rows of a Forward-Forward step: the batch's positives and as many negatives. */
    public static String positivesAndNegatives(int batchSize) {
        return 2 * batchSize + " (2 x " + batchSize + ": " + batchSize + " positives + " + batchSize + " negatives)";
    }
}
