package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A directory holding one training and one test CSV file in the MNIST-CSV form (see {@link CsvFile}): the
 * file whose name contains {@code train} and the one whose name contains {@code test}, each ending in
 * {@code .csv} or {@code .csv.gz} (e.g. {@code mnist_train.csv} and {@code mnist_test.csv}, or Kaggle's
 * {@code fashion-mnist_train.csv}). Images are square: the side is given ({@code side=S}; then the values
 * per image are S x S x channels, channels last) or the square root of a square pixel count (1 channel).
 */
final class CsvDirectory implements DatasetReader {

    private final String name;
    private final Path dir;
    private final DatasetOptions.LabelOptions labels;
    private final String prefix;
    private final Integer side;

    /**
     * @param name the dataset as the user wrote it, e.g. "csv:data/mnist-csv;side=28"
     * @param prefix only files whose names start with it, or null for any
     * @param side the image side in pixels, or null to infer it from a square pixel count
     */
    CsvDirectory(String name, Path dir, DatasetOptions.LabelOptions labels, String prefix, Integer side) {
        this.name = name;
        this.dir = dir;
        this.labels = labels;
        this.prefix = prefix;
        this.side = side;
    }

    static final String NAMING = "one CSV file whose name contains train and one whose name contains test, each"
            + " ending in .csv or .csv.gz (e.g. mnist_train.csv, mnist_test.csv), one image per line: the label, then"
            + " the pixel values 0..255, an optional header line";

    @Override
    public Dataset load() {
        Path[] files = files();
        Path trainFile = files[0];
        Path testFile = files[1];
        String train = trainFile.getFileName().toString();
        CsvFile.Records trainRecords = CsvFile.read(trainFile);
        CsvFile.Records testRecords = CsvFile.read(testFile);
        String trainName = IdxReader.nameOf(trainFile);
        String testName = IdxReader.nameOf(testFile);
        if (trainRecords.valuesPerLine() != testRecords.valuesPerLine()) {
            throw new DatasetException(Problem.found(testName + ": " + testRecords.valuesPerLine() + " values per line ("
                    + testRecords.reference() + ")", "but the training file " + train + " has " + trainRecords.valuesPerLine(),
                    "the same image size in both files"));
        }
        int values = trainRecords.valuesPerLine() - 1;
        int[] shape = shape(trainName, trainRecords, values);
        ClassLabels.Resolved classes = ClassLabels.resolve(
                trainRecords.labels(), new ClassLabels.Origin(trainName, i -> "line " + trainRecords.lines()[i]),
                testRecords.labels(), new ClassLabels.Origin(testName, i -> "line " + testRecords.lines()[i]), labels);
        ImageSet trainSet = new ImageSet(trainRecords.count(), shape[0], shape[0], shape[1], trainRecords.pixels(),
                classes.train());
        ImageSet testSet = new ImageSet(testRecords.count(), shape[0], shape[0], shape[1], testRecords.pixels(),
                classes.test());
        return new Dataset(name, trainSet, testSet, classes.classes(),
                List.of(DirectoryFiles.described(trainFile), DirectoryFiles.described(testFile)));
    }

    /** {side, channels} of {@code values} pixel values per line. */
    private int[] shape(String file, CsvFile.Records records, int values) {
        if (side != null) {
            long square = (long) side * side;
            if (values % square != 0) {
                throw new DatasetException(Problem.found(file + ": " + IdxReader.grouped(values) + " pixel values per line ("
                        + records.reference() + ")", "are not a whole number of " + side + "x" + side + " images (side="
                        + side + ")", "side=S with S x S x channels = " + IdxReader.grouped(values) + suggestion(values)));
            }
            return new int[] {side, (int) (values / square)};
        }
        int root = (int) Math.round(Math.sqrt(values));
        if (root * root != values) {
            throw new DatasetException(Problem.found(file + ": " + IdxReader.grouped(values) + " pixel values per line ("
                    + records.reference() + ")", "are not a square image", "give the side, " + DatasetOptions.SIDE
                    + "=S with S x S x channels = " + IdxReader.grouped(values) + suggestion(values)));
        }
        return new int[] {root, 1};
    }

    /** ", e.g. side=32 (3 channels)" when the count is a square times 3 or 4, else "". */
    private static String suggestion(int values) {
        for (int channels : new int[] {1, 3, 4}) {
            if (values % channels == 0) {
                int root = (int) Math.round(Math.sqrt(values / channels));
                if (root * root * channels == values) {
                    return ", e.g. side=" + root + " (" + channels + (channels == 1 ? " channel)" : " channels)");
                }
            }
        }
        return "";
    }

    /** The one CSV file whose name contains {@code word} (raw before .gz of the same name), or null. */
    private String choose(Path abs, String word, String description, List<String> names) {
        List<String> fitting = new ArrayList<>();
        for (String file : names) {
            String lower = file.toLowerCase(Locale.ROOT);
            if (isCsv(lower) && lower.contains(word)
                    && (prefix == null || lower.startsWith(prefix.toLowerCase(Locale.ROOT)))) {
                fitting.add(file);
            }
        }
        Set<String> bases = new LinkedHashSet<>();
        fitting.forEach(f -> bases.add(f.endsWith(".gz") ? f.substring(0, f.length() - 3) : f));
        if (bases.size() > 1) {
            throw new DatasetException(Problem.found("dataset directory " + abs + ": " + bases.size() + " files",
                    "could be the " + description + " CSV file: " + String.join(", ", fitting),
                    "one; keep one dataset per directory, or choose its files with the prefix option, e.g. "
                            + (name.startsWith(CsvSource.PREFIX) ? name : CsvSource.PREFIX + name) + ";prefix=mnist"));
        }
        return fitting.stream().filter(f -> !f.endsWith(".gz")).findFirst()
                .orElse(fitting.isEmpty() ? null : fitting.get(0));
    }

    private static boolean isCsv(String lowerName) {
        return lowerName.endsWith(".csv") || lowerName.endsWith(".csv.gz");
    }

    /** Files that mention a missing file's word but are not CSV files (.zip, .txt, .xlsx, ...). */
    private static String nearMisses(List<String> names, List<String> missing) {
        List<String> misses = new ArrayList<>();
        for (String file : names) {
            String lower = file.toLowerCase(Locale.ROOT);
            for (String role : missing) {
                String word = role.equals("training") ? "train" : "test";
                if (lower.contains(word) && !isCsv(lower)) {
                    misses.add(file + " (" + role + " file?)");
                    break;
                }
            }
        }
        return misses.isEmpty() ? "; no near misses" : "; near misses: " + String.join(", ", misses);
    }

    /**
     * The training and test files, chosen by name without reading them.
     *
     * @throws DatasetException when the directory is missing or unreadable, or a file is missing (listing what
     *         the directory holds and the near misses) or ambiguous
     */
    private Path[] files() {
        Path abs = dir.toAbsolutePath();
        String allowed = "a directory holding " + NAMING;
        List<String> names = DirectoryFiles.list(abs, allowed);
        String train = choose(abs, "train", "training", names);
        String test = choose(abs, "test", "test", names);
        List<String> missing = new ArrayList<>();
        if (train == null) {
            missing.add("training");
        }
        if (test == null) {
            missing.add("test");
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(new Problem("dataset directory " + abs + ":", null, allowed,
                    DirectoryFiles.found(abs, names) + nearMisses(names, missing), "missing the "
                    + String.join(" and the ", missing) + " CSV file" + (missing.size() > 1 ? "s" : "")
                    + (prefix == null ? "" : " (of files starting with " + prefix + ")")));
        }
        return new Path[] {abs.resolve(train), abs.resolve(test)};
    }

    /** Also the files by name, so that a directory without them fails before any cell runs. */
    @Override
    public Optional<String> quickProblem() {
        return DatasetReader.directoryProblem(dir, this::files);
    }

    @Override
    public String describe() {
        return "csv directory " + dir.toAbsolutePath();
    }
}
