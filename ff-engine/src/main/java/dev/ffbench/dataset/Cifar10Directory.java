package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The binary version of CIFAR-10 (https://www.cs.toronto.edu/~kriz/cifar.html, {@code cifar-10-binary.tar.gz},
 * which unpacks to {@code cifar-10-batches-bin/}): {@code data_batch_1.bin} .. {@code data_batch_5.bin} for
 * training (10,000 images each) and {@code test_batch.bin}. Each record is one label byte (0..9) and 3,072
 * pixel bytes: the 32x32 red plane, then the green one, then the blue one, each row by row. The engine's rows
 * are channels last (each pixel's red, green and blue side by side, row by row), the layout of a 4-dimensional
 * IDX file, so a record's planes are interleaved on reading.
 */
final class Cifar10Directory implements DatasetReader {
    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int PIXELS = SIDE * SIDE * CHANNELS;
    static final int RECORD = 1 + PIXELS;
    static final int CLASSES = 10;
    static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    static final String TEST_FILE = "test_batch.bin";
    /** The directory the archive unpacks to, looked in when the named directory does not hold the batches. */
    static final String UNPACKED = "cifar-10-batches-bin";

    static final String NAMING = "the CIFAR-10 binary version's " + String.join(", ", TRAIN_FILES) + " and " + TEST_FILE
            + " (cifar-10-binary.tar.gz unpacks them to " + UNPACKED + "/), each a sequence of 3,073-byte records:"
            + " a label byte 0..9, then 32x32 red, green and blue planes";

    private final String name;
    private final Path dir;

    /** @param name the dataset as the user wrote it, e.g. "cifar10:data/cifar-10-batches-bin" */
    Cifar10Directory(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    /** The directory holding the batches: the given one, or its cifar-10-batches-bin/ when only that holds them. */
    private Path batches() {
        Path abs = dir.toAbsolutePath();
        Path unpacked = abs.resolve(UNPACKED);
        if (!Files.isRegularFile(abs.resolve(TEST_FILE)) && Files.isRegularFile(unpacked.resolve(TEST_FILE))) {
            return unpacked;
        }
        return abs;
    }

    @Override
    public Dataset load() {
        Path batches = checkedBatches();
        List<byte[]> trainContents = new ArrayList<>();
        List<DatasetFile> files = new ArrayList<>();
        int trainCount = 0;
        for (String file : TRAIN_FILES) {
            byte[] content = read(batches.resolve(file));
            trainContents.add(content);
            trainCount += content.length / RECORD;
            files.add(new DatasetFile(file, content.length));
        }
        byte[] testContent = read(batches.resolve(TEST_FILE));
        files.add(new DatasetFile(TEST_FILE, testContent.length));

        byte[] trainPixels = new byte[trainCount * PIXELS];
        byte[] trainLabels = new byte[trainCount];
        int offset = 0;
        for (int f = 0; f < TRAIN_FILES.size(); f++) {
            offset += decode(batches.resolve(TRAIN_FILES.get(f)), trainContents.get(f), trainPixels, trainLabels, offset);
            trainContents.set(f, null);
        }
        int testCount = testContent.length / RECORD;
        byte[] testPixels = new byte[testCount * PIXELS];
        byte[] testLabels = new byte[testCount];
        decode(batches.resolve(TEST_FILE), testContent, testPixels, testLabels, 0);
        return new Dataset(name, new ImageSet(trainCount, SIDE, SIDE, CHANNELS, trainPixels, trainLabels),
                new ImageSet(testCount, SIDE, SIDE, CHANNELS, testPixels, testLabels), CLASSES, files);
    }

    /**
     * A whole batch file, checked to be a whole number of records.
     *
     * @throws DatasetException naming the file, the record cut short and its length
     */
    private static byte[] read(Path file) {
        String described = IdxReader.nameOf(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException(Problem.found(described + ":", "cannot read (" + e.getMessage() + ")",
                    "a readable CIFAR-10 batch file"), e);
        }
        if (content.length == 0) {
            throw new DatasetException(Problem.found(described + ":", "holds no records",
                    "3,073-byte records (a label byte, then 3,072 pixel bytes)"));
        }
        int rest = content.length % RECORD;
        if (rest != 0) {
            int last = content.length / RECORD;
            throw new DatasetException(Problem.found(described + ": " + IdxReader.grouped(content.length) + " bytes",
                    "are not a whole number of 3,073-byte records (a label byte, then 32x32 red, green and blue planes):"
                            + " record " + IdxReader.grouped(last) + " (from byte " + IdxReader.grouped((long) last * RECORD)
                            + ") has " + IdxReader.grouped(rest) + (rest == 1 ? " byte" : " bytes"),
                    "the CIFAR-10 binary version, whose batches hold 10,000 records (30,730,000 bytes)"));
        }
        return content;
    }

    /**
     * Labels and channels-last pixels of {@code content}'s records into the arrays from image {@code first}.
     *
     * @return the number of records
     * @throws DatasetException naming the file, the record and a label outside 0..9
     */
    private static int decode(Path file, byte[] content, byte[] pixels, byte[] labels, int first) {
        int records = content.length / RECORD;
        int plane = SIDE * SIDE;
        for (int r = 0; r < records; r++) {
            int base = r * RECORD;
            int label = Byte.toUnsignedInt(content[base]);
            if (label >= CLASSES) {
                throw new DatasetException(Problem.found(IdxReader.nameOf(file) + ": label of record " + r + " (byte "
                        + IdxReader.grouped(base) + ")", "is " + label, "0..9 (CIFAR-10's 10 classes)"));
            }
            labels[first + r] = (byte) label;
            int out = (first + r) * PIXELS;
            for (int p = 0; p < plane; p++) {
                pixels[out + p * CHANNELS] = content[base + 1 + p];
                pixels[out + p * CHANNELS + 1] = content[base + 1 + plane + p];
                pixels[out + p * CHANNELS + 2] = content[base + 1 + 2 * plane + p];
            }
        }
        return records;
    }

    /** Archives still packed, other versions of CIFAR-10, batch files under other names. */
    private static String nearMisses(List<String> names) {
        List<String> misses = new ArrayList<>();
        for (String file : names) {
            String lower = file.toLowerCase(Locale.ROOT);
            if (lower.contains("python") || lower.contains("matlab")) {
                misses.add(file + " (another version of CIFAR-10: the binary version is cifar-10-binary.tar.gz)");
            } else if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz") || lower.endsWith(".tar")) {
                misses.add(file + " (an archive: unpack it, e.g. tar xzf " + file + ")");
            } else if (lower.contains("batch") && !TRAIN_FILES.contains(file) && !file.equals(TEST_FILE)) {
                misses.add(file);
            }
        }
        return misses.isEmpty() ? "; no near misses" : "; near misses: " + String.join(", ", misses);
    }

    /** The training images, from the batch files' sizes (no data is read), when all are whole records. */
    @Override
    public OptionalInt knownTrainCount() {
        Path batches = batches();
        long records = 0;
        try {
            for (String file : TRAIN_FILES) {
                long size = Files.size(batches.resolve(file));
                if (size == 0 || size % RECORD != 0) {
                    return OptionalInt.empty();
                }
                records += size / RECORD;
            }
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        return records > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) records);
    }

    /**
     * The directory of the batch files, once each of them is there by name (not yet read).
     *
     * @throws DatasetException when the directory is missing or unreadable, or a batch file is missing
     *         (listing what the directory holds and the near misses)
     */
    private Path checkedBatches() {
        Path batches = batches();
        String allowed = "a directory holding " + NAMING;
        List<String> names = DirectoryFiles.list(batches, allowed);
        List<String> all = new ArrayList<>(TRAIN_FILES);
        all.add(TEST_FILE);
        List<String> missing = all.stream().filter(f -> !names.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new DatasetException(new Problem("dataset directory " + batches + ":", null, allowed,
                    DirectoryFiles.found(batches, names) + nearMisses(names), "missing " + String.join(", ", missing)));
        }
        return batches;
    }

    /** Also the batch files by name, so that a directory without them fails before any cell runs. */
    @Override
    public Optional<String> quickProblem() {
        return DatasetReader.directoryProblem(dir, this::checkedBatches);
    }

    @Override
    public String describe() {
        return "cifar10 directory " + batches();
    }
}
