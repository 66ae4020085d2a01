package dev.ffbench.harness;

import dev.ffbench.dataset.Datasets;
import dev.ffbench.dataset.DatasetSource;
import dev.ffbench.dataset.IdxDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a dataset value before any JVM is forked, so that a typo fails in a second with the
 * parameter's name instead of once per cell. The files inside an IDX directory are checked by the
 * engine when a cell loads them.
 */
final class DatasetCheck {
    private DatasetCheck() {}

    /** The problem with {@code dataset}, or null; relative directories resolve against {@code workingDirectory}. */
    static String problem(String parameter, String dataset, Path workingDirectory) {
        String allowed = "allowed: " + String.join(", ", Datasets.KNOWN.subList(0, Datasets.KNOWN.size() - 1))
                + ", or an existing directory of MNIST-format IDX files (optionally prefixed idx:)";
        if (dataset == null || dataset.isBlank()) {
            return parameter + " is empty; " + allowed;
        }
        DatasetSource source;
        try {
            source = Datasets.resolve(dataset);
        } catch (IllegalArgumentException e) {
            return parameter + " is '" + dataset + "': " + e.getMessage();
        }
        if (source instanceof IdxDirectory directory) {
            Path resolved = workingDirectory.resolve(directory.dir()).normalize();
            if (!Files.isDirectory(resolved)) {
                return parameter + " is '" + dataset + "': directory " + resolved
                        + (Files.exists(resolved) ? " is not a directory; " : " does not exist; ") + allowed;
            }
        }
        return null;
    }

    /**
     * The problem with a batch larger than the dataset's training split, or null (also when the
     * count is only known by loading the data: the engine then rejects the run itself).
     */
    static String batchProblem(String parameter, String dataset, int batchSize) {
        DatasetSource source;
        try {
            source = Datasets.resolve(dataset);
        } catch (IllegalArgumentException e) {
            return null; // reported by problem()
        }
        java.util.OptionalInt train = source.knownTrainCount();
        if (train.isPresent() && batchSize > train.getAsInt()) {
            return "batchSize is " + batchSize + "; allowed: at most the " + train.getAsInt()
                    + " training images of dataset " + dataset + " (" + parameter + ")";
        }
        return null;
    }
}
