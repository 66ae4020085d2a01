package dev.ffbench.matrix;

import dev.ffbench.experiment.Extensions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The algorithm and goodness names that parameters may use, with the text that lists them in an
 * error (each with its origin: built in, or the user's jar or directory).
 */
public record KnownNames(List<String> algorithms, String algorithmListing, List<String> goodness, String goodnessListing) {

    public KnownNames {
        algorithms = List.copyOf(algorithms);
        goodness = List.copyOf(goodness);
    }

    /** Everything {@code extensions} discovered. */
    public static KnownNames of(Extensions extensions) {
        return new KnownNames(extensions.algorithmNames(), Extensions.describe(extensions.algorithms()),
                extensions.goodnessNames(), Extensions.describe(extensions.goodnessFunctions()));
    }

    /** These names plus those found in results (a check may judge results of algorithms it cannot load). */
    public KnownNames plus(Collection<String> moreAlgorithms, Collection<String> moreGoodness) {
        List<String> allAlgorithms = new ArrayList<>(algorithms);
        String algorithmText = algorithmListing;
        for (String name : moreAlgorithms) {
            if (name != null && !allAlgorithms.contains(name)) {
                allAlgorithms.add(name);
                algorithmText += ", " + name + " (in the results)";
            }
        }
        List<String> allGoodness = new ArrayList<>(goodness);
        String goodnessText = goodnessListing;
        for (String name : moreGoodness) {
            if (name != null && !allGoodness.contains(name)) {
                allGoodness.add(name);
                goodnessText += ", " + name + " (in the results)";
            }
        }
        return new KnownNames(allAlgorithms, algorithmText, allGoodness, goodnessText);
    }
}
