package dev.ffbench.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a loaded dataset back as files in the formats users download, for tests: IDX (3 or 4 dimensions,
 * any names, raw or gzipped, labels shifted by a first label), MNIST-CSV and CIFAR-10's binary version. Written by hand from the format
 * descriptions, independent of the readers under test.
 */
public final class DatasetFiles {
    private DatasetFiles() {}

    /** The dashed names of the MNIST download: train images, train labels, test images, test labels. */
    public static final List<String> DASHED = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /**
     * Writes {@code data} into {@code dir} as four IDX files named {@code names} (in the order of {@link #DASHED};
     * a name ending in .gz is gzipped), each label written as class + {@code firstLabel}.
     */
    public static Path writeIdx(Dataset data, Path dir, List<String> names, int firstLabel) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(names.get(0)), idxImages(data.train()));
            write(dir.resolve(names.get(1)), idxLabels(data.train(), firstLabel));
            write(dir.resolve(names.get(2)), idxImages(data.test()));
            write(dir.resolve(names.get(3)), idxLabels(data.test(), firstLabel));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IDX images: 3 dimensions for one channel, else 4 (n, rows, cols, channels). */
    public static byte[] idxImages(ImageSet set) {
        boolean colour = set.channels() != 1;
        ByteBuffer buffer = ByteBuffer.allocate((colour ? 20 : 16) + set.pixels().length)
                .putInt(colour ? 0x00000804 : 0x00000803).putInt(set.count()).putInt(set.height()).putInt(set.width());
        if (colour) {
            buffer.putInt(set.channels());
        }
        return buffer.put(set.pixels()).array();
    }

    public static byte[] idxLabels(ImageSet set, int firstLabel) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + set.count()).putInt(0x00000801).putInt(set.count());
        for (int i = 0; i < set.count(); i++) {
            buffer.put((byte) (set.label(i) + firstLabel));
        }
        return buffer.array();
    }

    /**
     * Writes {@code data} into {@code dir} as two CSV files, {@code trainName} and {@code testName} (gzipped when
     * the name ends in .gz): one line per image, the label then the values, with Kaggle's header line
     * ("label,1x1,1x2,...") when {@code header}.
     */
    public static Path writeCsv(Dataset data, Path dir, String trainName, String testName, boolean header) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(trainName), csv(data.train(), header));
            write(dir.resolve(testName), csv(data.test(), header));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(ImageSet set, boolean header) {
        StringBuilder text = new StringBuilder();
        if (header) {
            text.append("label");
            for (int p = 0; p < set.pixelsPerImage(); p++) {
                text.append(',').append(p / set.width() + 1).append('x').append(p % set.width() + 1);
            }
            text.append('\n');
        }
        for (int i = 0; i < set.count(); i++) {
            text.append(set.label(i));
            for (int p = 0; p < set.pixelsPerImage(); p++) {
                text.append(',').append(set.pixel(i, p));
            }
            text.append('\n');
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Writes {@code data} (32x32x3, channels last, 10 classes) into {@code dir} as the CIFAR-10 binary version:
     * the training split in five files data_batch_1.bin .. data_batch_5.bin (as evenly as it divides) and the test
     * split in test_batch.bin, each record a label byte and the red, green and blue 32x32 planes.
     */
    public static Path writeCifar10(Dataset data, Path dir) {
        try {
            Files.createDirectories(dir);
            int count = data.train().count();
            for (int f = 0; f < 5; f++) {
                write(dir.resolve("data_batch_" + (f + 1) + ".bin"), cifarRecords(data.train(), count * f / 5, count * (f + 1) / 5));
            }
            write(dir.resolve("test_batch.bin"), cifarRecords(data.test(), 0, data.test().count()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] cifarRecords(ImageSet set, int from, int to) {
        ByteBuffer buffer = ByteBuffer.allocate((to - from) * 3073);
        for (int i = from; i < to; i++) {
            buffer.put((byte) set.label(i));
            for (int channel = 0; channel < 3; channel++) {
                for (int p = 0; p < 1024; p++) {
                    buffer.put((byte) set.pixel(i, p * 3 + channel));
                }
            }
        }
        return buffer.array();
    }

    /**
     * Learnable 32x32 colour images of 10 classes: class c is {@link Synthetic}'s stroke pattern of class c, drawn
     * in colour channel c mod 3 (shifted into the 32x32 frame), over seeded noise of 0..7 in every channel.
     */
    public static Dataset colourImages(long seed, int train, int test) {
        Dataset grey = new Synthetic(seed, train, test).load();
        java.util.Random noise = new java.util.Random(seed);
        return new Dataset("colour:" + seed, colour(grey.train(), noise), colour(grey.test(), noise), 10);
    }

    private static ImageSet colour(ImageSet grey, java.util.Random noise) {
        byte[] pixels = new byte[grey.count() * 32 * 32 * 3];
        for (int i = 0; i < grey.count(); i++) {
            int channel = grey.label(i) % 3;
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    for (int c = 0; c < 3; c++) {
                        int value = noise.nextInt(8);
                        if (c == channel && y >= 2 && y < 30 && x >= 2 && x < 30) {
                            value = Math.max(value, grey.pixel(i, (y - 2) * 28 + x - 2));
                        }
                        pixels[((i * 32 + y) * 32 + x) * 3 + c] = (byte) value;
                    }
                }
            }
        }
        return new ImageSet(grey.count(), 32, 32, 3, pixels, grey.labels());
    }

    /** Writes {@code content}, gzipped when the name ends in .gz. */
    public static void write(Path file, byte[] content) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(content);
            }
        } else {
            Files.write(file, content);
        }
    }
}
