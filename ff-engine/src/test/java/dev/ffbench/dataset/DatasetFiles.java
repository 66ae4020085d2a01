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
 * any names, raw or gzipped, labels shifted by a first label) and MNIST-CSV. Written by hand from the format
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
