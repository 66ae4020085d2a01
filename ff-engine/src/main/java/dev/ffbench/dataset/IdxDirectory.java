package dev.ffbench.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory of MNIST-format IDX files, each raw or gzipped: the layout of the original MNIST download
 * and of Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist). Image files may have 3
 * dimensions (grey) or 4 (channels last).
 */
public final class IdxDirectory implements DatasetReader {

    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    public static final List<String> EXPECTED_FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private final String name;
    private final Path dir;
    private final DatasetOptions.LabelOptions labels;

    /** The IDX files in {@code dir}, K from the training labels' range. */
    public IdxDirectory(Path dir) {
        this(dir.toString(), dir, DatasetOptions.LabelOptions.INFERRED);
    }

    /** {@code name} is the dataset name as the user wrote it, e.g. "idx:/data/emnist-letters;firstLabel=1". */
    IdxDirectory(String name, Path dir, DatasetOptions.LabelOptions labels) {
        this.name = name;
        this.dir = dir;
        this.labels = labels;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Dataset load() {
        Path abs = dir.toAbsolutePath();
        String expected = "expected a directory holding the MNIST-format files " + String.join(", ", EXPECTED_FILES)
                + " (each raw or with .gz appended)";
        if (!Files.exists(abs)) {
            throw new DatasetException("dataset directory " + abs + " does not exist; " + expected);
        }
        if (!Files.isDirectory(abs)) {
            throw new DatasetException("dataset directory " + abs + " is not a directory; " + expected);
        }
        List<String> missing = new ArrayList<>();
        Path[] files = new Path[EXPECTED_FILES.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = find(abs, EXPECTED_FILES.get(i));
            if (files[i] == null) {
                missing.add(EXPECTED_FILES.get(i) + "[.gz]");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException("dataset directory " + abs + ": missing " + String.join(", ", missing)
                    + "; " + expected);
        }
        String where = "directory " + abs;
        IdxReader.IdxImages trainImages = IdxReader.readImages(files[0]);
        byte[] trainLabels = IdxReader.readLabels(files[1]);
        IdxReader.IdxImages testImages = IdxReader.readImages(files[2]);
        byte[] testLabels = IdxReader.readLabels(files[3]);
        List<DatasetFile> read = new ArrayList<>();
        for (Path file : files) {
            try {
                read.add(new DatasetFile(file.getFileName().toString(), Files.size(file)));
            } catch (java.io.IOException e) {
                throw new DatasetException(file + ": cannot read its size (" + e.getMessage() + ")", e);
            }
        }
        return IdxReader.toDataset(name, where, IdxReader.IdxFile.of(files[0]), trainImages, IdxReader.IdxFile.of(files[1]),
                trainLabels, IdxReader.IdxFile.of(files[2]), testImages, IdxReader.IdxFile.of(files[3]), testLabels,
                labels, read);
    }

    @Override
    public java.util.Optional<String> quickProblem() {
        Path abs = dir.toAbsolutePath();
        if (!Files.exists(abs)) {
            return java.util.Optional.of("directory " + abs + " does not exist");
        }
        return Files.isDirectory(abs) ? java.util.Optional.empty()
                : java.util.Optional.of("directory " + abs + " is not a directory");
    }

    @Override
    public String describe() {
        return "idx directory " + dir.toAbsolutePath();
    }

    /** The raw file wins when both exist: it is the same data without the decompression cost. */
    private static Path find(Path dir, String baseName) {
        Path raw = dir.resolve(baseName);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(baseName + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }
}
