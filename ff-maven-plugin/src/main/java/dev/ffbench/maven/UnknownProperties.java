package dev.ffbench.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The -Dff.x user properties that no goal of the plugin reads: Maven ignores them without a word, so a
 * typo (-Dff.epocs=2) would run the configured matrix and pass. Only a name that no goal knows is named,
 * so that one command line may carry another goal's properties (-Dff.results for ff:check).
 */
final class UnknownProperties {
    private UnknownProperties() {
    }

    /**
     * @param known every user property that some goal of the plugin reads (ff.epochs, ff.results, ...)
     * @return one warning per unknown ff.* user property, naming the closest known one when it is near
     */
    static List<String> warnings(Properties userProperties, Collection<String> known) {
        List<String> warnings = new ArrayList<>();
        for (String name : new TreeSet<>(userProperties.stringPropertyNames())) {
            if (!name.startsWith("ff.") || known.contains(name)) {
                continue;
            }
            String closest = null;
            int best = Integer.MAX_VALUE;
            for (String candidate : known) {
                int distance = distance(name, candidate);
                if (distance < best) {
                    best = distance;
                    closest = candidate;
                }
            }
            warnings.add("-D" + name + " is not a parameter of any ff goal and is ignored"
                    + (closest != null && best <= 3 ? "; did you mean -D" + closest + "?" : "")
                    + " (mvn ff:help -Ddetail lists them)");
        }
        return warnings;
    }

    /** Levenshtein distance: the edits that turn one name into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
