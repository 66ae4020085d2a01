package dev.ffbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One dataset as the user named it (e.g. {@code synthetic:7:400:100}, {@code idx:data/fashion}),
 * ready to be loaded: what a {@link DatasetSource} opens. Opening only parses the name; reading the
 * files happens in {@link #load()}, in the cell's JVM.
 */
public interface DatasetReader {

    /** Reads (or generates) the dataset; throws {@link DatasetException} naming the file and the problem. */
    Dataset load();

    /** One line for logs and reports, e.g. "mnist-sample (bundled, 8,004 train / 1,996 test)". */
    String describe();

    /**
     * The number of training images when it is known without loading the data (bundled and
     * synthetic datasets), so that a batch larger than the dataset is rejected before any run;
     * empty when only loading can tell.
     */
    default OptionalInt knownTrainCount() {
        return OptionalInt.empty();
    }

    /**
     * The images' shape and the number of classes when they are known without loading the data
     * (bundled and synthetic datasets), so that each cell's memory can be estimated and its options
     * checked against the data before any run ({@link dev.ffbench.api.Algorithm#minimumBytes},
     * {@link dev.ffbench.api.Algorithm#problems(dev.ffbench.api.ExperimentSpec, DatasetShape)});
     * empty when only loading can tell.
     */
    default Optional<DatasetShape> knownShape() {
        return Optional.empty();
    }

    /**
     * A problem that can be seen without reading the data (a directory that does not exist), so that
     * it fails before any cell runs; empty when there is none. A reader may instead throw the
     * {@link DatasetException} its {@link #load} would throw (the built-in directories do, for a file
     * missing by name).
     */
    default Optional<String> quickProblem() {
        return Optional.empty();
    }

    /**
     * The {@link #quickProblem} of a source that reads one directory: "directory ABS does not exist" or
     * "directory ABS is not a directory" (ABS its absolute path); when it is a directory, runs
     * {@code filesByName}, the reader's choice of its files by name (not reading them), which throws the
     * {@link DatasetException} of a missing file, and is empty.
     */
    static Optional<String> directoryProblem(Path dir, Runnable filesByName) {
        Path abs = dir.toAbsolutePath();
        if (!Files.exists(abs)) {
            return Optional.of("directory " + abs + " does not exist");
        }
        if (!Files.isDirectory(abs)) {
            return Optional.of("directory " + abs + " is not a directory");
        }
        filesByName.run();
        return Optional.empty();
    }
}
