package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cifar10:DIRECTORY: CIFAR-10's binary batches, written here byte by byte in exactly their layout. */
class Cifar10Test {

    @TempDir
    Path dir;

    /** Red, green and blue of pixel p (0..1023, row by row) of record k: distinct per channel and position. */
    private static int red(int k, int p) {
        return (p + k) % 251;
    }

    private static int green(int k, int p) {
        return (p * 7 + 1 + k) % 253;
    }

    private static int blue(int k, int p) {
        return 255 - (p + 3 * k) % 256;
    }

    /** {@code records} records numbered from {@code first}: label (first + k) mod 10, then the three planes. */
    private static byte[] batch(int first, int records) {
        byte[] bytes = new byte[records * 3073];
        for (int r = 0; r < records; r++) {
            int k = first + r;
            int base = r * 3073;
            bytes[base] = (byte) (k % 10);
            for (int p = 0; p < 1024; p++) {
                bytes[base + 1 + p] = (byte) red(k, p);
                bytes[base + 1 + 1024 + p] = (byte) green(k, p);
                bytes[base + 1 + 2048 + p] = (byte) blue(k, p);
            }
        }
        return bytes;
    }

    /** Five training batches of 2 records each (records 0..9) and a test batch of 3 (records 100..102). */
    private Path writeBatches(Path where) throws IOException {
        Files.createDirectories(where);
        for (int f = 1; f <= 5; f++) {
            Files.write(where.resolve("data_batch_" + f + ".bin"), batch(2 * (f - 1), 2));
        }
        Files.write(where.resolve("test_batch.bin"), batch(100, 3));
        Files.writeString(where.resolve("batches.meta.txt"), "airplane\nautomobile\n");
        return where;
    }

    private Dataset open(Path where) {
        return new Cifar10Source().open("cifar10:" + where, Path.of("/")).load();
    }

    private String failure(Path where) {
        return assertThrows(DatasetException.class, () -> open(where)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    @Test
    void loadsShapesLabelsAndChannelsLast() throws IOException {
        Dataset d = open(writeBatches(dir));
        assertEquals(new DatasetShape(32, 32, 3, 10), d.shape());
        assertEquals(3072, d.pixelsPerImage());
        assertEquals(10, d.train().count());
        assertEquals(3, d.test().count());
        for (int k = 0; k < 10; k++) {
            assertEquals(k % 10, d.train().label(k), "label of training record " + k);
        }
        assertEquals(List.of(0, 1, 2), List.of(d.test().label(0), d.test().label(1), d.test().label(2)));
        for (int k : new int[] {0, 3, 9}) {
            for (int p : new int[] {0, 1, 31, 32, 517, 1023}) {
                // engine value index of row p / 32, column p % 32, channel c: p * 3 + c
                assertEquals(red(k, p), d.train().pixel(k, p * 3), "red of pixel " + p + " of record " + k);
                assertEquals(green(k, p), d.train().pixel(k, p * 3 + 1), "green of pixel " + p + " of record " + k);
                assertEquals(blue(k, p), d.train().pixel(k, p * 3 + 2), "blue of pixel " + p + " of record " + k);
            }
        }
        assertEquals(blue(101, 700), d.test().pixel(1, 700 * 3 + 2));
        assertEquals(List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin"), d.files().stream().map(DatasetFile::name).toList());
        assertEquals(2 * 3073, d.files().get(0).bytes());
        assertEquals(13L * 3073, d.bytes());
    }

    @Test
    void writtenFromADatasetItReadsBackTheSameImages() {
        Dataset colour = DatasetFiles.colourImages(3, 20, 10);
        Dataset read = open(DatasetFiles.writeCifar10(colour, dir.resolve("cifar")));
        assertArrayEquals(colour.train().pixels(), read.train().pixels());
        assertArrayEquals(colour.test().labels(), read.test().labels());
        assertEquals(colour.contentHash(), read.contentHash());
    }

    @Test
    void theDirectoryTheArchiveWasUnpackedInWillDo() throws IOException {
        writeBatches(dir.resolve("cifar-10-batches-bin"));
        Dataset d = open(dir);
        assertEquals(10, d.train().count());
        assertEquals("cifar10 directory " + dir.resolve("cifar-10-batches-bin"),
                new Cifar10Source().open("cifar10:" + dir, Path.of("/")).describe());
    }

    @Test
    void theTrainingCountIsKnownFromTheFileSizesBeforeReading() throws IOException {
        writeBatches(dir);
        assertEquals(OptionalInt.of(10), new Cifar10Source().open("cifar10:" + dir, Path.of("/")).knownTrainCount());
        Files.write(dir.resolve("data_batch_2.bin"), new byte[5]);
        assertEquals(OptionalInt.empty(), new Cifar10Source().open("cifar10:" + dir, Path.of("/")).knownTrainCount());
    }

    @Test
    void aWrongRecordLengthNamesTheFileTheRecordAndItsLength() throws IOException {
        writeBatches(dir);
        Path third = dir.resolve("data_batch_3.bin");
        Files.write(third, Arrays.copyOf(batch(4, 2), 2 * 3073 + 100));
        assertEquals("data_batch_3.bin (" + third + "): 6,246 bytes are not a whole number of 3,073-byte records (a label"
                + " byte, then 32x32 red, green and blue planes): record 2 (from byte 6,146) has 100 bytes; allowed: the"
                + " CIFAR-10 binary version, whose batches hold 10,000 records (30,730,000 bytes)", failure(dir));
        Files.write(third, Arrays.copyOf(batch(4, 2), 3073 + 3072));
        assertContains(failure(dir), "data_batch_3.bin (", "6,145 bytes", "record 1 (from byte 3,073) has 3,072 bytes");
    }

    @Test
    void aLabelAboveNineNamesTheFileTheRecordAndTheValue() throws IOException {
        writeBatches(dir);
        byte[] test = batch(100, 3);
        test[2 * 3073] = 12;
        Files.write(dir.resolve("test_batch.bin"), test);
        DatasetException e = assertThrows(DatasetException.class, () -> open(dir));
        assertEquals(Problem.found("test_batch.bin (" + dir.resolve("test_batch.bin") + "): label of record 2 (byte 6,146)",
                "is 12", "0..9 (CIFAR-10's 10 classes)"), e.problem());
        assertEquals(e.problem().message(), e.getMessage());
    }

    @Test
    void missingBatchesAreListedWithWhatWasFoundAndTheNearMisses() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), batch(0, 1));
        Files.write(dir.resolve("cifar-10-binary.tar.gz"), new byte[] {1});
        Files.write(dir.resolve("cifar-10-python.tar.gz"), new byte[] {1});
        Files.write(dir.resolve("data_batch_2"), new byte[] {1});
        assertEquals(new Problem("dataset directory " + dir + ":", null, "a directory holding " + Cifar10Directory.NAMING,
                "found 4 files: cifar-10-binary.tar.gz, cifar-10-python.tar.gz, data_batch_1.bin,"
                + " data_batch_2; near misses: cifar-10-binary.tar.gz (an archive: unpack it, e.g. tar xzf"
                + " cifar-10-binary.tar.gz), cifar-10-python.tar.gz (another version of CIFAR-10: the binary version is"
                + " cifar-10-binary.tar.gz), data_batch_2", "missing data_batch_2.bin, data_batch_3.bin, data_batch_4.bin,"
                + " data_batch_5.bin, test_batch.bin"), assertThrows(DatasetException.class, () -> open(dir)).problem());
        assertContains(Cifar10Directory.NAMING, "the CIFAR-10 binary version's");
    }

    @Test
    void optionsAreRefused() {
        assertEquals(Problem.found("dataset 'cifar10:data;classes=10': classes", "is not an option of this source",
                "no options (cifar10:DIRECTORY)"),
                assertThrows(DatasetException.class, () -> new Cifar10Source().open("cifar10:data;classes=10", dir)).problem());
    }
}
