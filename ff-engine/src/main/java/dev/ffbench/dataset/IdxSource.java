package dev.ffbench.dataset;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code idx:DIRECTORY} (or a bare directory): MNIST-format IDX files, raw or gzipped, as the original
 * MNIST download and Debian's dataset-fashion-mnist lay them out (see {@link IdxDirectory}). A relative
 * directory is relative to the project directory.
 */
public final class IdxSource implements DatasetSource {
    static final String PREFIX = "idx:";

    @Override
    public String name() {
        return "idx";
    }

    @Override
    public String usage() {
        return "idx:DIRECTORY";
    }

    @Override
    public boolean accepts(String dataset) {
        return dataset.startsWith(PREFIX);
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        String path = dataset.startsWith(PREFIX) ? dataset.substring(PREFIX.length()) : dataset;
        if (path.isBlank()) {
            throw new DatasetException("dataset '" + dataset + "' names no directory; allowed: idx:DIRECTORY or a directory"
                    + " of MNIST-format IDX files");
        }
        try {
            return new IdxDirectory(dataset, baseDirectory.resolve(path).normalize());
        } catch (InvalidPathException e) {
            throw new DatasetException("dataset '" + dataset + "' is not a valid directory path (" + e.getMessage()
                    + "); allowed: idx:DIRECTORY or a directory of MNIST-format IDX files", e);
        }
    }
}
