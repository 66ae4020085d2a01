package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    // Helpers shared with IdxDirectoryTest: IDX bytes built by hand, independent of the reader under test.

    static byte[] idxImages(int count, int height, int width, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(0x00000803).putInt(count).putInt(height).putInt(width).put(pixels).array();
    }

    static byte[] idxLabels(byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(0x00000801).putInt(labels.length).put(labels).array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 37);
        }
        return b;
    }

    static byte[] labels(int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (i % 10);
        }
        return b;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String failure(Executable read) {
        return assertThrows(DatasetException.class, read).getMessage();
    }

    private static Problem problem(Executable read) {
        return assertThrows(DatasetException.class, read).problem();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void rawAndGzippedReadIdentically() throws IOException {
        byte[] pixels = pattern(5 * 4 * 3);
        byte[] image = idxImages(5, 4, 3, pixels);
        IdxReader.IdxImages raw = IdxReader.readImages(write("images", image));
        IdxReader.IdxImages gz = IdxReader.readImages(write("images.gz", gzip(image)));

        assertEquals(5, raw.count());
        assertEquals(4, raw.height());
        assertEquals(3, raw.width());
        assertArrayEquals(pixels, raw.pixels());
        assertEquals(raw.count(), gz.count());
        assertEquals(raw.height(), gz.height());
        assertEquals(raw.width(), gz.width());
        assertArrayEquals(raw.pixels(), gz.pixels());

        byte[] labels = labels(7);
        assertArrayEquals(labels, IdxReader.readLabels(write("labels", idxLabels(labels))));
        assertArrayEquals(labels, IdxReader.readLabels(write("labels.gz", gzip(idxLabels(labels)))));
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        byte[] labels = labels(12);
        assertArrayEquals(labels, IdxReader.readLabels(write("labels-without-suffix", gzip(idxLabels(labels)))));
        assertArrayEquals(labels, IdxReader.readLabels(write("raw-but-named.gz", idxLabels(labels))));
    }

    @Test
    void streamVariantUsesTheGivenNameInMessages() {
        byte[] cut = Arrays.copyOf(idxLabels(new byte[] {1, 2, 3, 4, 5}), 8 + 3);
        String message = failure(() -> IdxReader.readLabels(new ByteArrayInputStream(cut), "bundled thing.gz"));
        assertContains(message, "bundled thing.gz", "truncated", "5 labels");
    }

    @Test
    void truncatedFileReportsDeclaredAndActualSizes() throws IOException {
        byte[] image = idxImages(8004, 28, 28, new byte[1_000_000]);
        Path file = write("train-images-idx3-ubyte", image);
        assertContains(failure(() -> IdxReader.readImages(file)), "train-images-idx3-ubyte",
                file.toAbsolutePath().toString(), "truncated", "8004 images of 28x28", "6,275,136", "1,000,000");

        Path gz = write("train-images-idx3-ubyte.gz", gzip(image));
        assertContains(failure(() -> IdxReader.readImages(gz)), "train-images-idx3-ubyte.gz", "truncated",
                "6,275,136", "1,000,000 (uncompressed)");
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path file = write("short-labels", new byte[] {0, 0, 8, 1, 0, 0});
        assertContains(failure(() -> IdxReader.readLabels(file)), "short-labels", "truncated header", "label count");
        Path empty = write("empty", new byte[0]);
        assertContains(failure(() -> IdxReader.readImages(empty)), "empty", "truncated", "0 bytes");
    }

    @Test
    void wrongMagicNamesFoundAndAllowed() throws IOException {
        Path labels = write("t10k-labels-idx1-ubyte", idxLabels(labels(3)));
        String name = IdxReader.nameOf(labels);
        // the sentence users read, pinned once
        assertEquals(name + ": wrong magic number 0x00000801; allowed: 0x00000803 or 0x00000804 (IDX unsigned-byte images"
                + " of 3 dimensions (n, rows, cols) or 4 (n, rows, cols, channels))", failure(() -> IdxReader.readImages(labels)));

        Path images = write("t10k-images-idx3-ubyte.gz", gzip(idxImages(1, 2, 2, pattern(4))));
        assertEquals(Problem.found(IdxReader.nameOf(images) + ":", "wrong magic number 0x00000803 after gunzip",
                "0x00000801 (IDX unsigned-byte labels, 1 dimension)"), problem(() -> IdxReader.readLabels(images)));
    }

    @Test
    void neitherGzipNorIdxIsReported() throws IOException {
        Path html = write("page.html", "<html>not a dataset</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Problem.found(IdxReader.nameOf(html) + ":", "not a gzip or IDX file: starts with 0x3C68746D",
                "gzip (1f 8b) or IDX magic number 0x00000803 or 0x00000804 (IDX unsigned-byte images of 3 dimensions"
                        + " (n, rows, cols) or 4 (n, rows, cols, channels))"), problem(() -> IdxReader.readImages(html)));
    }

    @Test
    void trailingBytesAreCounted() throws IOException {
        byte[] image = idxImages(2, 3, 3, pattern(18));
        byte[] padded = Arrays.copyOf(image, image.length + 7);
        Path file = write("padded-images", padded);
        assertEquals(Problem.found(IdxReader.nameOf(file) + ":", "7 bytes after the declared records (header declares"
                + " 2 images of 3x3 = 18 bytes)", "the file ending there"), problem(() -> IdxReader.readImages(file)));

        Path labels = write("padded-labels.gz", gzip(Arrays.copyOf(idxLabels(labels(4)), 8 + 4 + 1)));
        assertContains(failure(() -> IdxReader.readLabels(labels)), "padded-labels.gz", "1 bytes after");
    }

    @Test
    void labelValuesAreReturnedAsReadAndUnsigned() throws IOException {
        byte[] labels = labels(20);
        labels[13] = (byte) 200; // unsigned in IDX: 200, not -56; ClassLabels decides whether it is a class
        Path file = write("labels-with-200", idxLabels(labels));
        assertArrayEquals(labels, IdxReader.readLabels(file));
        assertEquals(200, IdxReader.unsigned(IdxReader.readLabels(file))[13]);
    }

    /** 4 dimensions: (n, rows, cols, channels), magic 0x00000804, a 20-byte header, channels last. */
    static byte[] idxColourImages(int count, int height, int width, int channels, byte[] pixels) {
        return ByteBuffer.allocate(20 + pixels.length).putInt(0x00000804).putInt(count).putInt(height).putInt(width)
                .putInt(channels).put(pixels).array();
    }

    @Test
    void fourDimensionalImagesCarryTheirChannels() throws IOException {
        byte[] pixels = pattern(3 * 2 * 4 * 3);
        IdxReader.IdxImages colour = IdxReader.readImages(write("colour.gz", gzip(idxColourImages(3, 2, 4, 3, pixels))));
        assertEquals(3, colour.count());
        assertEquals(2, colour.height());
        assertEquals(4, colour.width());
        assertEquals(3, colour.channels());
        assertArrayEquals(pixels, colour.pixels());
        assertEquals(1, IdxReader.readImages(write("grey", idxImages(1, 2, 2, pattern(4)))).channels());

        Path cut = write("colour-cut", Arrays.copyOf(idxColourImages(3, 2, 4, 3, pixels), 20 + 50));
        assertContains(failure(() -> IdxReader.readImages(cut)), "colour-cut", "truncated", "3 images of 2x4x3",
                "after the 20-byte header", "file has 50");
        Path noChannels = write("no-channels", idxColourImages(1, 2, 2, 0, new byte[0]));
        assertEquals(Problem.found(IdxReader.nameOf(noChannels) + ":", "header declares 0 channels", "1..4096"),
                problem(() -> IdxReader.readImages(noChannels)));
        Path labelsMagic = write("five-dims", ByteBuffer.allocate(24).putInt(0x00000805).array());
        assertEquals(Problem.found(IdxReader.nameOf(labelsMagic) + ":", "wrong magic number 0x00000805",
                "0x00000803 or 0x00000804 (IDX unsigned-byte images of 3 dimensions (n, rows, cols) or 4 (n, rows, cols,"
                        + " channels))"), problem(() -> IdxReader.readImages(labelsMagic)));
    }

    @Test
    void zeroOrAbsurdDimensionsAreRejected() throws IOException {
        Path zeroCount = write("zero-count", idxImages(0, 28, 28, new byte[0]));
        assertContains(failure(() -> IdxReader.readImages(zeroCount)), "zero-count", "declares 0 images");

        Path huge = write("huge-side", idxImages(1, 5000, 28, new byte[0]));
        assertEquals(Problem.found(IdxReader.nameOf(huge) + ":", "header declares images of 5000x28", "each side 1..4096"),
                problem(() -> IdxReader.readImages(huge)));

        Path zeroSide = write("zero-side", idxImages(1, 28, 0, new byte[0]));
        assertContains(failure(() -> IdxReader.readImages(zeroSide)), "28x0");

        Path manyLabels = write("many-labels",
                ByteBuffer.allocate(8).putInt(0x00000801).putInt(200_000_000).array());
        assertEquals(Problem.found(IdxReader.nameOf(manyLabels) + ":", "header declares 200000000 labels",
                "1..100,000,000"), problem(() -> IdxReader.readLabels(manyLabels)));

        // 0xFFFFFFFF must read as 4294967295, not -1.
        Path negative = write("negative-count", ByteBuffer.allocate(8).putInt(0x00000801).putInt(-1).array());
        assertContains(failure(() -> IdxReader.readLabels(negative)), "4294967295 labels");
    }

    @Test
    void missingFileIsReported() {
        Path missing = dir.resolve("nope-idx3-ubyte.gz");
        assertEquals(Problem.found("nope-idx3-ubyte.gz (" + missing.toAbsolutePath() + "):", "file not found",
                "an IDX file (raw or gzipped)"), problem(() -> IdxReader.readImages(missing)));
        assertEquals(Problem.found(IdxReader.nameOf(dir) + ":", "is a directory", "an IDX file (raw or gzipped)"),
                problem(() -> IdxReader.readImages(dir)));
    }

    @Test
    void corruptGzipStreamIsReported() throws IOException {
        byte[] gz = gzip(idxImages(50, 28, 28, pattern(50 * 28 * 28)));
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        Problem corrupt = problem(() -> IdxReader.readImages(cut));
        assertEquals(IdxReader.nameOf(cut) + ":", corrupt.thing());
        assertTrue(corrupt.finding().startsWith("corrupt gzip stream ("), corrupt.finding());
        assertEquals("a whole gzip stream of an IDX file", corrupt.allowed());

        byte[] garbled = gz.clone();
        for (int i = 20; i < 60; i++) {
            garbled[i] = (byte) 0xff;
        }
        Path bad = write("garbled.gz", garbled);
        assertContains(failure(() -> IdxReader.readImages(bad)), "garbled.gz", "corrupt gzip stream");
    }
}
