package dev.ffbench.dataset;

import static dev.ffbench.dataset.IdxReaderTest.gzip;
import static dev.ffbench.dataset.IdxReaderTest.idxImages;
import static dev.ffbench.dataset.IdxReaderTest.idxLabels;
import static dev.ffbench.dataset.IdxReaderTest.labels;
import static dev.ffbench.dataset.IdxReaderTest.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDirectoryTest {

    @TempDir
    Path dir;

    private void write(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
    }

    /** A tiny valid MNIST-style directory: 12 train / 5 test images of 4x3, mixing raw and gzipped files. */
    private void writeValid() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(idxImages(12, 4, 3, pattern(12 * 12))));
        write("train-labels-idx1-ubyte", idxLabels(labels(12)));
        write("t10k-images-idx3-ubyte", idxImages(5, 4, 3, pattern(5 * 12)));
        write("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(labels(5))));
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
        assertEquals(5, d.test().count());
        assertEquals(12, d.pixelsPerImage());
        assertArrayEquals(pattern(12 * 12), d.train().pixels());
        assertArrayEquals(labels(5), d.test().labels());
    }

    @Test
    void countMismatchNamesBothFiles() throws IOException {
        writeValid();
        write("train-labels-idx1-ubyte", idxLabels(labels(11)));
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load());
        assertContains(e.getMessage(), "train-images-idx3-ubyte.gz has 12 images",
                "train-labels-idx1-ubyte has 11 labels", dir.toAbsolutePath().toString());
    }

    @Test
    void trainAndTestImageSizesMustMatch() throws IOException {
        writeValid();
        write("t10k-images-idx3-ubyte", idxImages(5, 3, 4, pattern(5 * 12)));
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load());
        assertContains(e.getMessage(), "4x3", "3x4");
    }

    @Test
    void aBadFileInsideIsReportedByName() throws IOException {
        writeValid();
        write("t10k-labels-idx1-ubyte.gz", gzip(idxLabels(new byte[] {0, 1, 2, 3, 11})));
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load());
        assertContains(e.getMessage(), "t10k-labels-idx1-ubyte.gz", "label at index 4 is 11");
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
    void missingFilesAreListedWithTheExpectedNames() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(idxImages(1, 2, 2, pattern(4))));
        write("t10k-images-idx3-ubyte", idxImages(1, 2, 2, pattern(4)));
        DatasetException e = assertThrows(DatasetException.class, () -> new IdxDirectory(dir).load());
        assertContains(e.getMessage(), dir.toAbsolutePath().toString(),
                "missing train-labels-idx1-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]",
                "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte");
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
    }
}
