package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code idx:DIRECTORY[;classes=K][;firstLabel=N][;prefix=P]} (or a bare directory): IDX files, raw or
 * gzipped, as the MNIST, Fashion-MNIST, KMNIST and EMNIST downloads and Debian's dataset-fashion-mnist lay
 * them out (see {@link IdxDirectory}). A relative directory is relative to the project directory.
 * Options: {@code classes} declares K (else the training labels' range), {@code firstLabel} is the label
 * value of class 0 (1 for EMNIST letters, labelled 1..26), {@code prefix} picks one set of files in a
 * directory holding several.
 */
public final class IdxSource implements DatasetSource {
    static final String PREFIX = "idx:";
    static final String USAGE = "idx:DIRECTORY[;classes=K][;firstLabel=N][;prefix=P]";
    private static final List<String> OPTIONS = List.of(DatasetOptions.CLASSES, DatasetOptions.FIRST_LABEL,
            DatasetOptions.PREFIX);

    @Override
    public String name() {
        return "idx";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public boolean accepts(String dataset) {
        return dataset.startsWith(PREFIX);
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        DatasetOptions options = DatasetOptions.parse(dataset, PREFIX, USAGE, OPTIONS);
        String path = options.body();
        if (path.isBlank()) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'", "names no directory",
                    USAGE + " or a directory of MNIST-format IDX files"));
        }
        DatasetOptions.LabelOptions labels = options.labels();
        String prefix = options.text(DatasetOptions.PREFIX);
        try {
            return new IdxDirectory(dataset, baseDirectory.resolve(path).normalize(), labels, prefix);
        } catch (InvalidPathException e) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'",
                    "is not a valid directory path (" + e.getMessage() + ")",
                    USAGE + " or a directory of MNIST-format IDX files"), e);
        }
    }
}
