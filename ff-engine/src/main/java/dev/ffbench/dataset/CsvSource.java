package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code csv:DIRECTORY[;side=S][;classes=K][;firstLabel=N][;prefix=P]}: the MNIST-CSV form many tutorials
 * use, one training and one test file in a directory (see {@link CsvDirectory}). A relative directory is
 * relative to the project directory. Options: {@code side} the image side (else the square root of the
 * pixel count), {@code classes} K (else the training labels' range), {@code firstLabel} the label value of
 * class 0, {@code prefix} which files of a directory holding several datasets.
 */
public final class CsvSource implements DatasetSource {
    static final String PREFIX = "csv:";
    static final String USAGE = "csv:DIRECTORY[;side=S][;classes=K][;firstLabel=N][;prefix=P]";
    private static final List<String> OPTIONS = List.of(DatasetOptions.SIDE, DatasetOptions.CLASSES,
            DatasetOptions.FIRST_LABEL, DatasetOptions.PREFIX);

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        DatasetOptions options = DatasetOptions.parse(dataset, PREFIX, USAGE, OPTIONS);
        if (options.body().isBlank()) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'", "names no directory", USAGE));
        }
        Integer side = options.whole(DatasetOptions.SIDE, 1, IdxReader.MAX_SIDE);
        DatasetOptions.LabelOptions labels = options.labels();
        String prefix = options.text(DatasetOptions.PREFIX);
        try {
            return new CsvDirectory(dataset, baseDirectory.resolve(options.body()).normalize(), labels, prefix, side);
        } catch (InvalidPathException e) {
            throw new DatasetException(Problem.found("dataset '" + dataset + "'",
                    "is not a valid directory path (" + e.getMessage() + ")", USAGE), e);
        }
    }
}
