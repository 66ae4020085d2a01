package dev.ffbench.dataset;

import static dev.ffbench.dataset.IdxReaderTest.gzip;
import static dev.ffbench.dataset.IdxReaderTest.idxColourImages;
import static dev.ffbench.dataset.IdxReaderTest.idxImages;
import static dev.ffbench.dataset.IdxReaderTest.idxLabels;
import static dev.ffbench.dataset.IdxReaderTest.labels;
import static dev.ffbench.dataset.IdxReaderTest.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDirectoryTest {

    @TempDir
    Path dir;

    private void write(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
    }

    /** A tiny valid MNIST-style directory: 12 train / 10 test images of 4x3, mixing raw and gzipped files. */
    private void writeValid() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(idxImages(12, 4, 3, pattern(12 * 12))));
        write("train-labels-idx1-ubyte", idxLabels(labels(12)));
        write("t10k-images-idx3-ubyte", idxImages(10, 4, 3, pattern(10 * 12)));
        write("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(labels(10))));
    }

    private Dataset open(String options) {
        return new IdxSource().open("idx:" + dir + options, Path.of("/")).load();
    }

    private String failure(String options) {
        return assertThrows(DatasetException.class, () -> open(options)).getMessage();
    }

    /** The problem the exception carries; its message is that problem's sentence. */
    private Problem problem(String options) {
        DatasetException e = assertThrows(DatasetException.class, () -> open(options));
        assertEquals(e.problem().message(), e.getMessage());
        return e.problem();
    }

    private String named(String file) {
        return file + " (" + dir.resolve(file) + ")";
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void loadsRawAndGzippedFiles() throws IOException {
        writeValid();
        Dataset d = new IdxDirectory(dir).load();
        assertEquals(dir.toString(), d.name());
        assertEquals(12, d.train().count());
        assertEquals(10, d.test().count());
        assertEquals(12, d.pixelsPerImage());
        assertEquals(10, d.classes(), "the training labels run 0..9");
        assertArrayEquals(pattern(12 * 12), d.train().pixels());
        assertArrayEquals(labels(10), d.test().labels());
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte.gz"), d.files().stream().map(DatasetFile::name).toList());
        assertEquals(Files.size(dir.resolve("train-images-idx3-ubyte.gz")), d.files().get(0).bytes());
    }

    @Test
    void dottedNamesAsTheOriginalArchivesUnpackLoadTheSameData() throws IOException {
        writeValid();
        Dataset dashed = new IdxDirectory(dir).load();
        Path dotted = Files.createDirectories(dir.resolve("dotted"));
        Files.copy(dir.resolve("train-images-idx3-ubyte.gz"), dotted.resolve("train-images.idx3-ubyte.gz"));
        Files.copy(dir.resolve("train-labels-idx1-ubyte"), dotted.resolve("train-labels.idx1-ubyte"));
        Files.copy(dir.resolve("t10k-images-idx3-ubyte"), dotted.resolve("t10k-images.idx3-ubyte"));
        Files.copy(dir.resolve("t10k-labels-idx1-ubyte.gz"), dotted.resolve("t10k-labels.idx1-ubyte.gz"));
        Dataset d = new IdxDirectory(dotted).load();
        assertArrayEquals(dashed.train().pixels(), d.train().pixels());
        assertArrayEquals(dashed.test().labels(), d.test().labels());
        assertEquals(dashed.contentHash(), d.contentHash());
        assertEquals("t10k-labels.idx1-ubyte.gz", d.files().get(3).name());
    }

    @Test
    void missingFilesAreNamedWithTheFilesFoundAndTheNearMisses() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(idxImages(1, 2, 2, pattern(4))));
        write("train-labels-idx1-ubyte.gz", gzip(idxLabels(labels(1))));
        write("t10k-images-idx3-ubyte.zip", new byte[] {1});
        write("t10k_labels_idx1_ubyte", new byte[] {1});
        write("README.txt", new byte[] {1});
        Problem p = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load()).problem();
        assertEquals("dataset directory " + dir.toAbsolutePath() + ":", p.thing());
        assertEquals("missing the test images and the test labels", p.finding());
        assertEquals("found 5 files: README.txt, t10k-images-idx3-ubyte.zip, t10k_labels_idx1_ubyte, train-images-idx3-ubyte.gz,"
                + " train-labels-idx1-ubyte.gz; near misses: t10k-images-idx3-ubyte.zip (test images?), t10k_labels_idx1_ubyte"
                + " (test labels?)", p.note());
        assertEquals("a directory holding " + IdxDirectory.NAMING, p.allowed());
        assertContains(p.allowed(), "4 IDX files named train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                + " t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte", "train-images.idx3-ubyte");
    }

    @Test
    void emnistNamesWithAPrefixAndTestForT10k() throws IOException {
        for (String set : List.of("emnist-letters", "emnist-digits")) {
            write(set + "-train-images-idx3-ubyte.gz", gzip(idxImages(4, 2, 2, pattern(16))));
            write(set + "-train-labels-idx1-ubyte.gz", gzip(idxLabels(new byte[] {1, 2, 3, 26})));
            write(set + "-test-images-idx3-ubyte.gz", gzip(idxImages(2, 2, 2, pattern(8))));
            write(set + "-test-labels-idx1-ubyte.gz", gzip(idxLabels(new byte[] {26, 1})));
        }
        assertContains(failure(""), "2 files could be the training images: emnist-digits-train-images-idx3-ubyte.gz,"
                + " emnist-letters-train-images-idx3-ubyte.gz; allowed: one", "idx:" + dir + ";prefix=emnist-letters");

        Dataset letters = open(";prefix=emnist-letters;firstLabel=1;classes=26");
        assertEquals(26, letters.classes(), "labels 1..26 are classes 0..25");
        assertEquals(List.of(0, 1, 2, 25), List.of(letters.train().label(0), letters.train().label(1),
                letters.train().label(2), letters.train().label(3)));
        assertEquals(25, letters.test().label(0));
        assertEquals("emnist-letters-test-labels-idx1-ubyte.gz", letters.files().get(3).name());
    }

    @Test
    void oneBasedLabelsWithoutFirstLabelAreRefusedWithTheHint() throws IOException {
        write("train-images-idx3-ubyte", idxImages(3, 1, 1, pattern(3)));
        write("train-labels-idx1-ubyte", idxLabels(new byte[] {1, 2, 26}));
        write("t10k-images-idx3-ubyte", idxImages(1, 1, 1, pattern(1)));
        write("t10k-labels-idx1-ubyte", idxLabels(new byte[] {0}));
        assertContains(failure(""), "train-labels-idx1-ubyte (" + dir.resolve("train-labels-idx1-ubyte")
                + "): no training label is 0, the labels run 1..26", "need firstLabel=1");
        assertContains(failure(";firstLabel=1"), "t10k-labels-idx1-ubyte (" + dir.resolve("t10k-labels-idx1-ubyte")
                + "): label of record 0 is 0; allowed: 1..26 (26 classes: the training split's labels 1..26;",
                "firstLabel=1 is class 0");
    }

    @Test
    void aTestLabelOutsideTheTrainingRangeNamesTheFileTheRecordAndTheValue() throws IOException {
        writeValid();
        write("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 11})));
        assertEquals(Problem.found(named("t10k-labels-idx1-ubyte.gz") + ": label of record 9", "is 11", "0..9 (10 classes:"
                + " the training split's labels 0..9; declare K with classes=K if the training split lacks the last classes)"),
                problem(""));
        assertEquals(12, open(";classes=12").classes(), "a declared K admits it");
        write("train-labels-idx1-ubyte", idxLabels(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, (byte) 200}));
        assertEquals(Problem.found(named("train-labels-idx1-ubyte") + ": label of record 11", "is 200",
                "0..11 (12 classes: classes=12)"), problem(";classes=12"));
    }

    @Test
    void filesOfDifferentSetsAreNotMixed() throws IOException {
        write("a-train-images-idx3-ubyte", idxImages(1, 1, 1, pattern(1)));
        write("a-train-labels-idx1-ubyte", idxLabels(labels(1)));
        write("b-t10k-images-idx3-ubyte", idxImages(1, 1, 1, pattern(1)));
        write("b-t10k-labels-idx1-ubyte", idxLabels(labels(1)));
        assertContains(failure(""), "come from different sets (prefixes a-, b-)");
    }

    @Test
    void fourDimensionalImagesKeepTheirChannels() throws IOException {
        write("train-images-idx4-ubyte.gz", gzip(idxColourImages(4, 2, 2, 3, pattern(48))));
        write("train-labels-idx1-ubyte.gz", gzip(idxLabels(labels(4))));
        write("t10k-images-idx4-ubyte.gz", gzip(idxColourImages(4, 2, 2, 3, pattern(48))));
        write("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(labels(4))));
        Dataset d = open("");
        assertEquals(new DatasetShape(2, 2, 3, 4), d.shape());
        assertEquals(12, d.pixelsPerImage());
        assertEquals(Byte.toUnsignedInt(pattern(48)[12 + 5]), d.train().pixel(1, 5));

        write("t10k-images-idx4-ubyte.gz", gzip(idxImages(4, 2, 2, pattern(16))));
        assertEquals(Problem.found("directory " + dir.toAbsolutePath() + ":", "train images (train-images-idx4-ubyte.gz)"
                + " are 2x2x3 but test images (t10k-images-idx4-ubyte.gz) are 2x2", "the same size"), problem(""));
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        writeValid();
        write("train-labels-idx1-ubyte", idxLabels(labels(11)));
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load());
        assertEquals(Problem.found("train-images-idx3-ubyte.gz", "has 12 images but train-labels-idx1-ubyte has 11 labels",
                "the same count (directory " + dir.toAbsolutePath() + ")"), e.problem());
    }

    /** 2,000 training digits 0..9 (each written + first) and {@code stray} as written last; the 10 digits as the test split. */
    private void writeDigitsWithAStray(int first, int stray) throws IOException {
        byte[] train = new byte[2001];
        for (int i = 0; i < 2000; i++) {
            train[i] = (byte) (i % 10 + first);
        }
        train[2000] = (byte) stray;
        byte[] test = new byte[10];
        for (int i = 0; i < 10; i++) {
            test[i] = (byte) (i + first);
        }
        write("train-images-idx3-ubyte", idxImages(2001, 1, 1, pattern(2001)));
        write("train-labels-idx1-ubyte", idxLabels(train));
        write("t10k-images-idx3-ubyte", idxImages(10, 1, 1, pattern(10)));
        write("t10k-labels-idx1-ubyte", idxLabels(test));
    }

    @Test
    void aStrayTrainingLabelDoesNotMakeAClassOfItsOwn() throws IOException {
        writeDigitsWithAStray(0, 10);
        assertEquals("train-labels-idx1-ubyte (" + dir.resolve("train-labels-idx1-ubyte") + "): too few training images:"
                + " label 10: 1 image; allowed: at least 2 per class (1 % of the mean, 181.9 = 2,001 images / 11 classes,"
                + " and at least 1) when K is inferred from the training labels (here 11: labels 0..10, the largest plus"
                + " one); if these classes are meant, declare K: classes=11", failure(""));
        assertEquals(11, open(";classes=11").classes(), "a declared K is taken as meant");

        writeDigitsWithAStray(1, 255);
        assertEquals(Problem.found(named("train-labels-idx1-ubyte") + ":", "too few training images: labels 11..254:"
                + " 0 images each", "at least 1 per class (1 % of the mean, 7.8 = 2,001 images / 255 classes, and at least"
                + " 1) when K is inferred from the training labels (here 255: labels 1..255, the largest plus one); if these"
                + " classes are meant, declare K: classes=255 (with firstLabel=1)"),
                problem(";firstLabel=1"), "labels as written in the file, after firstLabel");
    }

    @Test
    void aClassWithNoTestImageIsRefusedNamingTheTestFile() throws IOException {
        writeValid();
        write("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 8})));
        assertEquals(Problem.found(named("t10k-labels-idx1-ubyte.gz") + ":", "no test image for label 9 (1 training"
                + " image)", "at least 1 test image per class when K is inferred from the training labels (here 10: labels"
                + " 0..9, the largest plus one); if these classes are meant, declare K: classes=10"), problem(""));
        assertEquals(10, open(";classes=10").classes());
    }

    @Test
    void trainAndTestImageSizesMustMatch() throws IOException {
        writeValid();
        write("t10k-images-idx3-ubyte", idxImages(10, 3, 4, pattern(10 * 12)));
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load());
        assertContains(e.getMessage(), "4x3", "3x4");
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("no-such-dir");
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(missing).load());
        assertContains(e.getMessage(), missing.toAbsolutePath().toString(), "does not exist", "train-images-idx3-ubyte");
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        write("plain-file", new byte[] {1});
        DatasetException e = assertThrows(DatasetException.class,
                () -> new IdxDirectory(dir.resolve("plain-file")).load());
        assertContains(e.getMessage(), "plain-file", "not a directory");
    }

    @Test
    void badOptionsAreRefusedWhenTheDatasetIsOpened() {
        IdxSource source = new IdxSource();
        assertEquals(Problem.found("dataset 'idx:data;firstlabel=1': firstlabel", "is not an option of this source",
                "classes, firstLabel, prefix (idx:DIRECTORY[;classes=K][;firstLabel=N][;prefix=P])"),
                assertThrows(DatasetException.class, () -> source.open("idx:data;firstlabel=1", dir)).problem());
        assertEquals(new Problem("dataset 'idx:data;classes=1': option classes", "1", "a whole number 2..256"),
                assertThrows(DatasetException.class, () -> source.open("idx:data;classes=1", dir)).problem());
        assertContains(assertThrows(DatasetException.class, () -> source.open("idx:data;prefix", dir)).getMessage(),
                "'prefix' is not an option of the form name=value");
        assertContains(assertThrows(DatasetException.class, () -> source.open("idx:data;classes=3;classes=4", dir))
                .getMessage(), "option classes is given twice");
    }

    @Test
    void debianFashionMnistLoadsWhenInstalled() {
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");
        // .ci/run installs the package, so in CI a missing directory is a failure, not a skip
        Assumptions.assumeTrue(Files.isDirectory(fashion) || System.getenv("CI") != null,
                "dataset-fashion-mnist is not installed");
        Dataset d = new IdxDirectory(fashion).load();
        assertEquals(60_000, d.train().count());
        assertEquals(10_000, d.test().count());
        assertEquals(28 * 28, d.pixelsPerImage());
        assertEquals(10, d.classes());
        assertEquals(60_000L * 785 + 10_000L * 785, d.bytes());
    }
}
