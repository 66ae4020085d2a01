package dev.ffbench.matrix;

import dev.ffbench.api.ExperimentSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Readable, file-name-safe cell ids such as {@code ff-base-sum-squares-d2-w128-s1}: algorithm,
 * goodness (for algorithms that have one), depth, width, seed, and the dataset when it is not
 * the matrix's own. A clash (cells differing only in a spec setting) gets a numeric suffix, in
 * matrix order, so ids are the same on every run of the same configuration.
 */
final class CellIds {
    private CellIds() {}

    static List<String> assign(List<ExperimentSpec> specs, String matrixDataset) {
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (ExperimentSpec spec : specs) {
            String base = of(spec, matrixDataset);
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "-" + n;
            }
            ids.add(id);
        }
        return ids;
    }

    static String of(ExperimentSpec spec, String matrixDataset) {
        StringBuilder id = new StringBuilder(spec.algorithm());
        if (spec.goodness() != null) {
            id.append('-').append(spec.goodness());
        }
        id.append("-d").append(spec.depth()).append("-w").append(spec.width()).append("-s").append(spec.seed());
        if (!spec.dataset().equals(matrixDataset)) {
            id.append('-').append(spec.dataset());
        }
        return safe(id.toString());
    }

    /** Letters, digits, '-', '_' and '.' only: the id names files. */
    private static String safe(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return cleaned.isEmpty() ? "cell" : cleaned;
    }
}
