package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A dataset: a name (as the user wrote it), a train and a test split of the same image shape, the
 * number of classes K (labels are 0..K-1 in both splits) and the files it was read from (empty for
 * generated data), for its {@linkplain #fingerprint() fingerprint}. Every dataset a source hands the
 * engine is built here, so this is where its data is checked: each split's sizes, counts and labels.
 *
 * @param classes K, 2..{@value ImageSet#MAX_CLASSES}: declared by the source (CIFAR-10: 10) or the label
 *        range of the training split
 * @param files the files read, in reading order, with their sizes on disk (compressed when gzipped)
 */
public record Dataset(String name, ImageSet train, ImageSet test, int classes, List<DatasetFile> files) {

    /**
     * @throws DatasetException naming the dataset and the split when a split holds no image, its pixel values
     *         or labels do not match its image count and shape, the splits' shapes differ, K is outside 2..256 or
     *         a label is not below K (sources check labels first, where they can name the file)
     */
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        files = files == null ? List.of() : List.copyOf(files);
        checkSplit(name, "train", train);
        checkSplit(name, "test", test);
        if (train.height() != test.height() || train.width() != test.width() || train.channels() != test.channels()) {
            throw DatasetException.ofData(name, Problem.found("train images", "are " + train.shape()
                    + " but test images are " + test.shape(), "the same size"));
        }
        if (classes < 2 || classes > ImageSet.MAX_CLASSES) {
            throw DatasetException.ofData(name, Problem.found("K", "is " + classes + " (the number of classes)",
                    "2.." + ImageSet.MAX_CLASSES + " classes (labels 0..K-1)"));
        }
        checkLabels(name, "train", train, classes);
        checkLabels(name, "test", test, classes);
    }

    /**
     * A dataset whose K is the label range of its training split (its largest label plus one), read from no
     * file. As with a file source's inferred K, a class with too few training images or none in the test split
     * is refused: it is more likely a stray label than a class (see {@link InferredClasses}).
     */
    public Dataset(String name, ImageSet train, ImageSet test) {
        this(name, train, test, inferredClasses(name, train), List.of());
        InferredClasses.Shortfall shortfall = InferredClasses.check(train.labels(), test.labels(), classes, 0,
                "new Dataset(name, train, test, " + classes + ")");
        if (shortfall != null) {
            throw DatasetException.ofData(name, Problem.found((shortfall.test() ? "test" : "train") + " split:",
                    shortfall.finding(), shortfall.allowed()));
        }
    }

    /** A dataset of {@code classes} classes read from no file (generated, or bundled). */
    public Dataset(String name, ImageSet train, ImageSet test, int classes) {
        this(name, train, test, classes, List.of());
    }

    /** The training split's label range, once its labels are known to be one per image. */
    private static int inferredClasses(String name, ImageSet train) {
        Objects.requireNonNull(train, "train");
        checkSplit(name, "train", train);
        int range = train.labelRange();
        if (range < 2) {
            throw DatasetException.ofData(name, Problem.found("K", "is " + range + " (the training labels' largest, "
                    + (range - 1) + ", plus one)", "2.." + ImageSet.MAX_CLASSES + " classes (labels 0..K-1)"));
        }
        return range;
    }

    /** A split's sizes, pixel values and labels against its image count: what the pixel and label reads rely on. */
    private static void checkSplit(String name, String split, ImageSet set) {
        Problem problem = set.problem(split + " split");
        if (problem != null) {
            throw DatasetException.ofData(name, problem);
        }
    }

    private static void checkLabels(String name, String split, ImageSet set, int classes) {
        for (int i = 0; i < set.count(); i++) {
            if (set.label(i) >= classes) {
                throw DatasetException.ofData(name, Problem.found(split + " label of image " + i, "is " + set.label(i),
                        "0.." + (classes - 1) + " (" + classes + " classes)"));
            }
        }
    }

    /** Values per image: height x width x channels, the same for both splits. */
    public int pixelsPerImage() {
        return train.pixelsPerImage();
    }

    /** The shape algorithms check their options against: image size, channels and K. */
    public DatasetShape shape() {
        return new DatasetShape(train.height(), train.width(), train.channels(), classes);
    }

    /** The bytes both splits hold in the JVM heap (pixels and labels): the ledger's {@code datasetBytes}. */
    public long bytes() {
        return train.bytes() + test.bytes();
    }

    /**
     * SHA-256 of the decoded data, as {@code sha256:} and 64 hex digits: K, then per split its count,
     * shape, pixels and labels. The same images and classes give the same hash whatever held them
     * (IDX raw or gzipped, dotted or dashed names, CSV), other data a different one. Hashing reads every
     * byte once (about 0.05 s for Fashion-MNIST's 55 MB).
     */
    public String contentHash() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha.update(ints(classes));
        for (ImageSet set : List.of(train, test)) {
            sha.update(ints(set.count(), set.height(), set.width(), set.channels()));
            sha.update(set.pixels());
            sha.update(set.labels());
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] ints(int... values) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * values.length);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /** The files and the content hash: what tells this data from other data. */
    public DatasetFingerprint fingerprint() {
        return new DatasetFingerprint(files, contentHash());
    }

    /** What a result records of its data: counts, shape, K and fingerprint. */
    public DatasetSummary summary() {
        return new DatasetSummary(train.count(), test.count(), train.height(), train.width(), train.channels(), classes,
                fingerprint());
    }
}
