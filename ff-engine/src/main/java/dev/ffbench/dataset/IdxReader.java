package dev.ffbench.dataset;

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
 * Reads IDX files (the MNIST / Fashion-MNIST format), gzipped or raw. Gzip is recognised by its magic
 * bytes 1f 8b, not by the file name, because renamed or hand-decompressed copies are common.
 * Every defect is reported as a {@link DatasetException} naming the file, the problem and what was expected.
 */
public final class IdxReader {

    /** IDX magic: two zero bytes, element type 0x08 (unsigned byte), number of dimensions. */
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** Far above any real dataset; a larger count means a corrupt or foreign header. */
    static final long MAX_RECORDS = 100_000_000L;
    static final int MAX_SIDE = 4096;
    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public record IdxImages(int count, int height, int width, byte[] pixels) {}

    private IdxReader() {
    }

    public static IdxImages readImages(Path file) {
        String name = nameOf(file);
        try (InputStream in = open(file, name)) {
            return readImages(in, name);
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot close: " + e.getMessage(), e);
        }
    }

    public static byte[] readLabels(Path file) {
        String name = nameOf(file);
        try (InputStream in = open(file, name)) {
            return readLabels(in, name);
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot close: " + e.getMessage(), e);
        }
    }

    /** Reads an image file from {@code in} (not closed); {@code name} identifies it in messages. */
    public static IdxImages readImages(InputStream in, String name) {
        Decoded d = decode(in, name);
        try {
            d.expectMagic(IMAGES_MAGIC, "IDX unsigned-byte images, 3 dimensions");
            long count = d.readDimension("image count");
            long height = d.readDimension("image height");
            long width = d.readDimension("image width");
            if (count == 0 || count > MAX_RECORDS) {
                throw d.fail("header declares " + count + " images, expected 1.." + grouped(MAX_RECORDS));
            }
            if (height == 0 || width == 0 || height > MAX_SIDE || width > MAX_SIDE) {
                throw d.fail("header declares images of " + height + "x" + width
                        + ", expected each side 1.." + MAX_SIDE);
            }
            String declared = count + " images of " + height + "x" + width;
            byte[] pixels = d.readRecords(declared, count * height * width, 16);
            return new IdxImages((int) count, (int) height, (int) width, pixels);
        } catch (IOException e) {
            throw d.ioFailure(e);
        }
    }

    /** Reads a label file from {@code in} (not closed); {@code name} identifies it in messages. */
    public static byte[] readLabels(InputStream in, String name) {
        Decoded d = decode(in, name);
        try {
            d.expectMagic(LABELS_MAGIC, "IDX unsigned-byte labels, 1 dimension");
            long count = d.readDimension("label count");
            if (count == 0 || count > MAX_RECORDS) {
                throw d.fail("header declares " + count + " labels, expected 1.." + grouped(MAX_RECORDS));
            }
            byte[] labels = d.readRecords(count + " labels", count, 8);
            for (int i = 0; i < labels.length; i++) {
                int label = Byte.toUnsignedInt(labels[i]);
                if (label >= Dataset.CLASSES) {
                    throw d.fail("label at index " + i + " is " + label + ", expected 0..9");
                }
            }
            return labels;
        } catch (IOException e) {
            throw d.ioFailure(e);
        }
    }

    /** Pairs images with labels, refusing files whose counts disagree; {@code where} locates them in messages. */
    static ImageSet toImageSet(String where, String imagesFile, IdxImages images, String labelsFile, byte[] labels) {
        if (images.count() != labels.length) {
            throw new DatasetException(imagesFile + " has " + images.count() + " images but " + labelsFile + " has "
                    + labels.length + " labels, expected the same count (" + where + ")");
        }
        return new ImageSet(images.count(), images.height(), images.width(), images.pixels(), labels);
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String nameOf(Path file) {
        Path fileName = file.getFileName();
        return (fileName == null ? file.toString() : fileName.toString()) + " (" + file.toAbsolutePath() + ")";
    }

    private static InputStream open(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new DatasetException(name + ": is a directory, expected an IDX file (raw or gzipped)");
        }
        if (!Files.exists(file)) {
            throw new DatasetException(name + ": file not found, expected an IDX file (raw or gzipped)");
        }
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new DatasetException(name + ": permission denied, expected a readable IDX file", e);
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot open: " + e.getMessage(), e);
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
            throw new DatasetException(name + ": corrupt gzip stream (" + e.getMessage() + ")", e);
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

        DatasetException fail(String problem) {
            return new DatasetException(name + ": " + problem);
        }

        DatasetException ioFailure(IOException e) {
            return gzipped
                    ? new DatasetException(name + ": corrupt gzip stream (" + e.getMessage() + ")", e)
                    : new DatasetException(name + ": read error (" + e.getMessage() + ")", e);
        }

        private String size(long n) {
            return grouped(n) + (gzipped ? " (uncompressed)" : "");
        }

        void expectMagic(int expected, String meaning) throws IOException {
            byte[] head = in.readNBytes(4);
            consumed += head.length;
            if (head.length < 4) {
                throw fail("truncated: file has " + size(head.length) + " bytes, too short for an IDX header;"
                        + " expected magic number " + hex(expected) + " (" + meaning + ")");
            }
            int magic = ((head[0] & 0xff) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
            if (magic == expected) {
                return;
            }
            if ((magic >>> 16) != 0 && !gzipped) {
                throw fail("not a gzip or IDX file: starts with " + hex(magic) + ", expected gzip (1f 8b) or IDX magic number "
                        + hex(expected) + " (" + meaning + ")");
            }
            throw fail("wrong magic number " + hex(magic) + (gzipped ? " after gunzip" : "")
                    + ", expected " + hex(expected) + " (" + meaning + ")");
        }

        long readDimension(String what) throws IOException {
            byte[] four = in.readNBytes(4);
            consumed += four.length;
            if (four.length < 4) {
                throw fail("truncated header: file ends after " + size(consumed) + " bytes, before the " + what);
            }
            return ((four[0] & 0xffL) << 24) | ((four[1] & 0xff) << 16) | ((four[2] & 0xff) << 8) | (four[3] & 0xff);
        }

        /** Reads exactly {@code length} bytes of records and insists the file ends right after them. */
        byte[] readRecords(String declared, long length, int headerBytes) throws IOException {
            if (length > MAX_ARRAY) {
                throw fail("header declares " + declared + " = " + grouped(length)
                        + " bytes, more than one Java array holds (" + grouped(MAX_ARRAY) + ")");
            }
            // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
            byte[] records = in.readNBytes((int) length);
            if (records.length < length) {
                throw fail("truncated: header declares " + declared + " = " + grouped(length)
                        + " bytes after the " + headerBytes + "-byte header, file has " + size(records.length));
            }
            long extra = in.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) {
                throw fail(grouped(extra) + " bytes after the declared records (header declares " + declared + " = "
                        + grouped(length) + " bytes), expected the file to end there");
            }
            return records;
        }

        private static String hex(int magic) {
            return String.format(Locale.ROOT, "0x%08X", magic);
        }
    }
}
