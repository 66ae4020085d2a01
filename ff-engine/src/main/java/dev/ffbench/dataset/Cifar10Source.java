package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code cifar10:DIRECTORY}: the binary version of CIFAR-10 (32x32 colour images, 10 classes, 50,000 train /
 * 10,000 test; see {@link Cifar10Directory}), the directory holding its batch files or the one the archive
 * was unpacked in. A relative directory is relative to the project directory. Input size 3,072 values per
 * image, channels last; the training split takes about 154 MB of heap.
 */
public final class Cifar10Source implements DatasetSource {
    static final String PREFIX = "cifar10:";
    static final String USAGE = "cifar10:DIRECTORY";

    @Override
    public String name() {
        return "cifar10";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        DatasetOptions options = DatasetOptions.parse(dataset, PREFIX, USAGE, List.of());
        if (options.body().isBlank()) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'", "names no directory", USAGE));
        }
        try {
            return new Cifar10Directory(dataset, baseDirectory.resolve(options.body()).normalize());
        } catch (InvalidPathException e) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'",
                    "is not a valid directory path (" + e.getMessage() + ")", USAGE), e);
        }
    }
}
