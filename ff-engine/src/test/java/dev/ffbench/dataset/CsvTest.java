package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** csv:DIRECTORY: the MNIST-CSV form, its options and every malformed line named by file and line. */
class CsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private Dataset open(String options) {
        return new CsvSource().open("csv:" + dir + options, Path.of("/")).load();
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

    /** 2x2 images: train has a header and CRLF line ends, test neither, plus a blank line. */
    private void writeValid() throws IOException {
        write("mnist_train.csv", "label,1x1,1x2,2x1,2x2\r\n3,0,255,10,20\r\n1,1,2,3,4\r\n0,9,9,9,9\r\n2,8,8,8,8\r\n");
        write("mnist_test.csv", "1,5,6,7,8\n\n0,0,0,0,0\n2,1,1,1,1\n3,2,2,2,2");
    }

    @Test
    void readsTheLabelThenThePixelsWithOrWithoutAHeader() throws IOException {
        writeValid();
        Dataset d = open("");
        assertEquals(4, d.train().count());
        assertEquals(4, d.test().count());
        assertEquals(new DatasetShape(2, 2, 1, 4), d.shape(), "2x2 from 4 pixel values; K from the labels 0..3");
        assertArrayEquals(new byte[] {0, (byte) 255, 10, 20, 1, 2, 3, 4, 9, 9, 9, 9, 8, 8, 8, 8}, d.train().pixels());
        assertEquals(List.of(3, 1, 0), List.of(d.train().label(0), d.train().label(1), d.train().label(2)));
        assertEquals(0, d.test().label(1), "the last line needs no line end; blank lines are skipped");
        assertEquals(List.of(new DatasetFile("mnist_train.csv", Files.size(dir.resolve("mnist_train.csv"))),
                new DatasetFile("mnist_test.csv", Files.size(dir.resolve("mnist_test.csv")))), d.files());
    }

    @Test
    void gzippedFilesAndTheSameDataAsIdxGiveTheSameContentHash() throws IOException {
        Dataset data = new Synthetic(5, 30, 10).load();
        DatasetFiles.writeCsv(data, dir, "fashion-mnist_train.csv.gz", "fashion-mnist_test.csv", true);
        Dataset read = open("");
        assertArrayEquals(data.train().pixels(), read.train().pixels());
        assertArrayEquals(data.test().labels(), read.test().labels());
        assertEquals(data.contentHash(), read.contentHash());
    }

    @Test
    void theSideGivesChannels() throws IOException {
        write("train.csv", "0,1,2,3,4,5,6,7,8,9,10,11,12\n1,0,0,0,0,0,0,0,0,0,0,0,0\n");
        write("test.csv", "1,0,0,0,0,0,0,0,0,0,0,0,0\n0,0,0,0,0,0,0,0,0,0,0,0,0\n");
        assertEquals(Problem.found(named("train.csv") + ": 12 pixel values per line (as on line 1)", "are not a square image",
                "give the side, side=S with S x S x channels = 12, e.g. side=2 (3 channels)"), problem(""));
        Dataset colour = open(";side=2");
        assertEquals(new DatasetShape(2, 2, 3, 2), colour.shape());
        assertContains(failure(";side=3"), "12 pixel values per line (as on line 1) are not a whole number of 3x3 images");
    }

    @Test
    void aTruncatedLineIsNamedWithTheFileAndTheLine() throws IOException {
        writeValid();
        write("mnist_test.csv", "1,5,6,7,8\n0,0,0");
        assertContains(failure(""), "mnist_test.csv (" + dir.resolve("mnist_test.csv") + "): line 2 has 3 values;"
                + " allowed: 5 (a label and 4 pixel values, as on line 1); a line cut short is a truncated file");
        write("mnist_test.csv", "1,5,6,7,8\n0,0,0,0,0,0\n");
        assertEquals(Problem.found(named("mnist_test.csv") + ": line 2", "has 6 values", "5 (a label and 4 pixel values,"
                + " as on line 1); a line cut short is a truncated file"), problem(""));
        write("mnist_train.csv", "label,a,b,c,d\n3,0,255,10\n");
        assertEquals(Problem.found(named("mnist_train.csv") + ": line 2", "has 4 values", "5 (a label and 4 pixel values,"
                + " as in the header on line 1); a line cut short is a truncated file"), problem(""));
    }

    @Test
    void aValueThatIsNoPixelOrLabelIsNamedWithItsLine() throws IOException {
        writeValid();
        write("mnist_test.csv", "1,5,6,7,8\n0,0,256,0,0\n");
        assertEquals(new Problem(named("mnist_test.csv") + ": line 2: value 3 (pixel 2)", "256", "a whole number 0..255"),
                problem(""));
        write("mnist_test.csv", "1,5,6,7,8\n0,0,1 2,0,0\n");
        assertContains(failure(""), "line 2: value 3 (pixel 2) is '12'");
        write("mnist_test.csv", "1,5,6,7,8\n-1,0,0,0,0\n");
        assertEquals(new Problem(named("mnist_test.csv") + ": line 2: the label", "-1", "a whole number >= 0"), problem(""));
        write("mnist_test.csv", "1,5,6,7,8\n7,0,0,0,0\n");
        assertContains(failure(""), "mnist_test.csv (" + dir.resolve("mnist_test.csv") + "): label of line 2 is 7; allowed:"
                + " 0..3 (4 classes: the training split's labels 0..3;");
        write("mnist_test.csv", "label,x\n");
        assertEquals(Problem.found(named("mnist_test.csv") + ":", "no data lines after the header",
                "one image per line: the label, then the pixel values 0..255"), problem(""));
    }

    @Test
    void oneBasedLabelsWithFirstLabel() throws IOException {
        write("letters-train.csv", "1,0\n26,1\n2,1\n");
        write("letters-test.csv", "26,0\n");
        Dataset d = open(";firstLabel=1;classes=26");
        assertEquals(26, d.classes());
        assertEquals(25, d.train().label(1));
        assertContains(failure(""), "letters-train.csv (", "no training label is 0", "need firstLabel=1");
    }

    @Test
    void missingFilesAreListedWithTheFilesFoundAndTheNearMisses() throws IOException {
        write("mnist_train.csv", "0,0\n1,0\n");
        write("mnist_test.csv.zip", "x");
        write("notes.txt", "x");
        // the sentence users read, pinned once: what is missing, what was found, then what is allowed
        assertEquals("dataset directory " + dir + ": missing the test CSV file, found 3 files: mnist_test.csv.zip,"
                + " mnist_train.csv, notes.txt; near misses: mnist_test.csv.zip (test file?); allowed: a directory holding"
                + " one CSV file whose name contains train and one whose name contains test, each ending in .csv or"
                + " .csv.gz (e.g. mnist_train.csv, mnist_test.csv), one image per line: the label, then the pixel values"
                + " 0..255, an optional header line", failure(""));
        write("emnist-digits-test.csv", "0,0\n");
        write("emnist-letters-test.csv", "0,0\n");
        assertContains(failure(""), "2 files could be the test CSV file: emnist-digits-test.csv, emnist-letters-test.csv");
    }

    @Test
    void optionsAreCheckedWhenTheDatasetIsOpened() {
        CsvSource source = new CsvSource();
        assertEquals(new Problem("dataset 'csv:data;side=0': option side", "0", "a whole number 1..4096"),
                assertThrows(DatasetException.class, () -> source.open("csv:data;side=0", dir)).problem());
        assertEquals(Problem.found("dataset 'csv:data;header=yes': header", "is not an option of this source",
                "side, classes, firstLabel, prefix (csv:DIRECTORY[;side=S][;classes=K][;firstLabel=N][;prefix=P])"),
                assertThrows(DatasetException.class, () -> source.open("csv:data;header=yes", dir)).problem());
        assertContains(assertThrows(DatasetException.class, () -> source.open("csv:", dir)).getMessage(),
                "names no directory");
    }
}
