package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST / Fashion-MNIST / EMNIST format), gzipped or raw: unsigned-byte images of 3
 * dimensions (n, rows, cols) or 4 (n, rows, cols, channels), and unsigned-byte labels of 1 dimension.
 * Gzip is recognised by its magic bytes 1f 8b, not by the file name, because renamed or hand-decompressed
 * copies are common. Every defect is reported as a {@link DatasetException} naming the file, the problem
 * and what is allowed. Label values are returned as read: {@link ClassLabels} maps and checks them.
 */
public final class IdxReader {

    /** IDX magic: two zero bytes, element type 0x08 (unsigned byte), number of dimensions. */
    static final int IMAGES_MAGIC = 0x00000803;
    static final int COLOUR_IMAGES_MAGIC = 0x00000804;
    static final int LABELS_MAGIC = 0x00000801;
    /** Far above any real dataset; a larger count means a corrupt or foreign header. */
    static final long MAX_RECORDS = 100_000_000L;
    static final int MAX_SIDE = 4096;
    static final int MAX_CHANNELS = 4096;
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** What a problem naming a file that is no IDX file says is allowed. */
    private static final String AN_IDX_FILE = "an IDX file (raw or gzipped)";
    /** What a problem reading a file says is allowed. */
    private static final String READABLE = "a readable IDX file";
    /** What a problem decompressing a file says is allowed. */
    private static final String WHOLE_GZIP = "a whole gzip stream of an IDX file";

    /**
     * The images of one IDX file.
     *
     * @param channels 1 for a 3-dimensional file; the 4th dimension of a 4-dimensional one
     * @param pixels count x height x width x channels unsigned bytes, in file order (channels last)
     */
    public record IdxImages(int count, int height, int width, int channels, byte[] pixels) {}

    private IdxReader() {
    }

    /** Reads an image file, raw or gzipped; throws {@link DatasetException} naming the file and the defect. */
    public static IdxImages readImages(Path file) {
        String name = nameOf(file);
        try (InputStream in = open(file, name)) {
            return readImages(in, name);
        } catch (IOException e) {
            throw new DatasetException(Problem.found(name + ":", "cannot close: " + e.getMessage(), READABLE), e);
        }
    }

    /** Reads a label file, raw or gzipped: the label values as read (unsigned bytes). */
    public static byte[] readLabels(Path file) {
        String name = nameOf(file);
        try (InputStream in = open(file, name)) {
            return readLabels(in, name);
        } catch (IOException e) {
            throw new DatasetException(Problem.found(name + ":", "cannot close: " + e.getMessage(), READABLE), e);
        }
    }

    /** Reads an image file from {@code in} (not closed); {@code name} identifies it in messages. */
    public static IdxImages readImages(InputStream in, String name) {
        Decoded d = decode(in, name);
        try {
            int magic = d.expectMagic("IDX unsigned-byte images of 3 dimensions (n, rows, cols) or 4 (n, rows, cols,"
                    + " channels)", IMAGES_MAGIC, COLOUR_IMAGES_MAGIC);
            long count = d.readDimension("image count");
            long height = d.readDimension("image height");
            long width = d.readDimension("image width");
            long channels = magic == COLOUR_IMAGES_MAGIC ? d.readDimension("channel count") : 1;
            if (count == 0 || count > MAX_RECORDS) {
                throw d.fail("header declares " + count + " images", "1.." + grouped(MAX_RECORDS));
            }
            if (height == 0 || width == 0 || height > MAX_SIDE || width > MAX_SIDE) {
                throw d.fail("header declares images of " + height + "x" + width, "each side 1.." + MAX_SIDE);
            }
            if (channels == 0 || channels > MAX_CHANNELS) {
                throw d.fail("header declares " + channels + " channels", "1.." + MAX_CHANNELS);
            }
            String declared = count + " images of " + ImageSet.shape((int) height, (int) width, (int) channels);
            int headerBytes = magic == COLOUR_IMAGES_MAGIC ? 20 : 16;
            byte[] pixels = d.readRecords(declared, count * height * width * channels, headerBytes);
            return new IdxImages((int) count, (int) height, (int) width, (int) channels, pixels);
        } catch (IOException e) {
            throw d.ioFailure(e);
        }
    }

    /** Reads a label file from {@code in} (not closed); {@code name} identifies it in messages. */
    public static byte[] readLabels(InputStream in, String name) {
        Decoded d = decode(in, name);
        try {
            d.expectMagic("IDX unsigned-byte labels, 1 dimension", LABELS_MAGIC);
            long count = d.readDimension("label count");
            if (count == 0 || count > MAX_RECORDS) {
                throw d.fail("header declares " + count + " labels", "1.." + grouped(MAX_RECORDS));
            }
            return d.readRecords(count + " labels", count, 8);
        } catch (IOException e) {
            throw d.ioFailure(e);
        }
    }

    /** Refuses files whose image and label counts disagree; {@code where} locates them in messages. */
    static void checkCounts(String where, String imagesFile, IdxImages images, String labelsFile, byte[] labels) {
        if (images.count() != labels.length) {
            throw new DatasetException(Problem.found(imagesFile, "has " + images.count() + " images but " + labelsFile
                    + " has " + labels.length + " labels", "the same count (" + where + ")"));
        }
    }

    /** Label values as read (unsigned bytes), for {@link ClassLabels}. */
    static int[] unsigned(byte[] labels) {
        int[] values = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = Byte.toUnsignedInt(labels[i]);
        }
        return values;
    }

    /** The whole dataset from the four files' contents: labels mapped and checked, counts and shapes matched. */
    static Dataset toDataset(String name, String where, IdxFile trainImages, IdxImages trainPixels, IdxFile trainLabels,
            byte[] trainLabelValues, IdxFile testImages, IdxImages testPixels, IdxFile testLabels, byte[] testLabelValues,
            DatasetOptions.LabelOptions labelOptions, java.util.List<DatasetFile> files) {
        checkCounts(where, trainImages.name(), trainPixels, trainLabels.name(), trainLabelValues);
        checkCounts(where, testImages.name(), testPixels, testLabels.name(), testLabelValues);
        if (trainPixels.height() != testPixels.height() || trainPixels.width() != testPixels.width()
                || trainPixels.channels() != testPixels.channels()) {
            throw new DatasetException(Problem.found(where + ":", "train images (" + trainImages.name() + ") are "
                    + ImageSet.shape(trainPixels.height(), trainPixels.width(), trainPixels.channels())
                    + " but test images (" + testImages.name() + ") are "
                    + ImageSet.shape(testPixels.height(), testPixels.width(), testPixels.channels()), "the same size"));
        }
        ClassLabels.Resolved labels = ClassLabels.resolve(unsigned(trainLabelValues),
                ClassLabels.Origin.records(trainLabels.described()), unsigned(testLabelValues),
                ClassLabels.Origin.records(testLabels.described()), labelOptions);
        ImageSet train = new ImageSet(trainPixels.count(), trainPixels.height(), trainPixels.width(), trainPixels.channels(),
                trainPixels.pixels(), labels.train());
        ImageSet test = new ImageSet(testPixels.count(), testPixels.height(), testPixels.width(), testPixels.channels(),
                testPixels.pixels(), labels.test());
        return new Dataset(name, train, test, labels.classes(), files);
    }

    /**
     * One IDX file as messages name it.
     *
     * @param name the file name alone
     * @param described the name with where it is, as the reader's own messages give it
     */
    record IdxFile(String name, String described) {
        static IdxFile of(Path file) {
            return new IdxFile(file.getFileName().toString(), nameOf(file));
        }
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String nameOf(Path file) {
        Path fileName = file.getFileName();
        return (fileName == null ? file.toString() : fileName.toString()) + " (" + file.toAbsolutePath() + ")";
    }

    private static InputStream open(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new DatasetException(Problem.found(name + ":", "is a directory", AN_IDX_FILE));
        }
        if (!Files.exists(file)) {
            throw new DatasetException(Problem.found(name + ":", "file not found", AN_IDX_FILE));
        }
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new DatasetException(Problem.found(name + ":", "permission denied", READABLE), e);
        } catch (IOException e) {
            throw new DatasetException(Problem.found(name + ":", "cannot open: " + e.getMessage(), READABLE), e);
        }
    }

    private static Decoded decode(InputStream in, String name) {
        InputStream buffered = new BufferedInputStream(in, 1 << 16);
        try {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = buffered.read();
            buffered.reset();
            boolean gzipped = b0 == 0x1f && b1 == 0x8b;
            InputStream body = gzipped ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return new Decoded(new DataInputStream(body), name, gzipped);
        } catch (IOException e) {
            // Only the gzip header can fail here: the first two bytes were already readable or EOF.
            throw new DatasetException(Problem.found(name + ":", "corrupt gzip stream (" + e.getMessage() + ")",
                    WHOLE_GZIP), e);
        }
    }

    /** The decompressed byte stream of one file, with the context its error messages need. */
    private static final class Decoded {
        private final DataInputStream in;
        private final String name;
        private final boolean gzipped;
        private long consumed;

        Decoded(DataInputStream in, String name, boolean gzipped) {
            this.in = in;
            this.name = name;
            this.gzipped = gzipped;
        }

        /** "NAME: FINDING; allowed: ALLOWED". */
        DatasetException fail(String finding, String allowed) {
            return new DatasetException(Problem.found(name + ":", finding, allowed));
        }

        DatasetException ioFailure(IOException e) {
            return gzipped
                    ? new DatasetException(Problem.found(name + ":", "corrupt gzip stream (" + e.getMessage() + ")",
                            WHOLE_GZIP), e)
                    : new DatasetException(Problem.found(name + ":", "read error (" + e.getMessage() + ")", READABLE), e);
        }

        private String size(long n) {
            return grouped(n) + (gzipped ? " (uncompressed)" : "");
        }

        /** Reads the magic number; returns it when it is one of {@code allowed}. */
        int expectMagic(String meaning, int... allowed) throws IOException {
            String expected = String.join(" or ", java.util.Arrays.stream(allowed).mapToObj(Decoded::hex).toList());
            byte[] head = in.readNBytes(4);
            consumed += head.length;
            if (head.length < 4) {
                throw fail("truncated: file has " + size(head.length) + " bytes, too short for an IDX header",
                        "magic number " + expected + " (" + meaning + ")");
            }
            int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            for (int candidate : allowed) {
                if (magic == candidate) {
                    return magic;
                }
            }
            if ((magic >>> 16) != 0 && !gzipped) {
                throw fail("not a gzip or IDX file: starts with " + hex(magic), "gzip (1f 8b) or IDX magic number "
                        + expected + " (" + meaning + ")");
            }
            throw fail("wrong magic number " + hex(magic) + (gzipped ? " after gunzip" : ""),
                    expected + " (" + meaning + ")");
        }

        long readDimension(String what) throws IOException {
            byte[] four = in.readNBytes(4);
            consumed += four.length;
            if (four.length < 4) {
                throw fail("truncated header: file ends after " + size(consumed) + " bytes, before the " + what,
                        "a whole IDX header: the magic number, then 4 bytes per dimension");
            }
            return ((four[0] & 0xffL) << 24) | ((four[1] & 0xff) << 16) | ((four[2] & 0xff) << 8) | (four[3] & 0xff);
        }

        /** Reads exactly {@code length} bytes of records and insists the file ends right after them. */
        byte[] readRecords(String declared, long length, int headerBytes) throws IOException {
            if (length > MAX_ARRAY) {
                throw fail("header declares " + declared + " = " + grouped(length)
                        + " bytes, more than one Java array holds", "at most " + grouped(MAX_ARRAY) + " bytes");
            }
            // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
            byte[] records = in.readNBytes((int) length);
            if (records.length < length) {
                throw fail("truncated: header declares " + declared + " = " + grouped(length)
                        + " bytes after the " + headerBytes + "-byte header, file has " + size(records.length),
                        "a file holding every byte its header declares");
            }
            long extra = in.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) {
                throw fail(grouped(extra) + " bytes after the declared records (header declares " + declared + " = "
                        + grouped(length) + " bytes)", "the file ending there");
            }
            return records;
        }

        private static String hex(int magic) {
            return String.format(Locale.ROOT, "0x%08X", magic);
        }
    }
}
