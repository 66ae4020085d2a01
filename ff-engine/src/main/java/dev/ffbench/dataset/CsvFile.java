package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads one CSV file of the MNIST-CSV form: one image per line, the label first, then the pixel values
 * 0..255, separated by commas; an optional header row (a first line whose first field is not a number,
 * such as Kaggle's {@code label,1x1,1x2,...}); blank lines skipped; {@code \n} or {@code \r\n} line ends;
 * raw or gzipped (recognised by content). Every line must have as many values as the first.
 *
 * <p>Hand-written rather than a CSV library: this form has no quoting or escaping, and a byte scanner
 * turns the 47 million values of a 60,000-image file into bytes directly, where a general parser would
 * make a String of each.
 */
final class CsvFile {
    private static final int CHUNK = 1 << 16;
    /** What a problem reading a file says is allowed. */
    private static final String READABLE = "a readable CSV file";

    /**
     * One file's records.
     *
     * @param valuesPerLine the label and the pixel values of each line
     * @param headerLine the header's line number, or 0 when there is none
     * @param firstDataLine the line number of the first record
     * @param labels each record's label value as written
     * @param lines each record's line number (1-based), for messages
     * @param pixels {@code labels.length x (valuesPerLine - 1)} values 0..255, in file order
     */
    record Records(int valuesPerLine, int headerLine, int firstDataLine, int[] labels, int[] lines, byte[] pixels) {
        int count() {
            return labels.length;
        }

        /** "as on line 2", or "as in the header on line 1". */
        String reference() {
            return headerLine > 0 ? "as in the header on line " + headerLine : "as on line " + firstDataLine;
        }
    }

    private final String name;
    private int line = 1;
    private int field;
    private int value;
    private boolean digits;
    private boolean digitsEnded;
    private boolean invalid;
    private final StringBuilder text = new StringBuilder();
    private boolean lineHasContent;
    private boolean firstContentLine = true;
    private boolean header;
    private int headerLine;
    private int firstDataLine;
    private int valuesPerLine = -1;
    private int[] labels = new int[1024];
    private int[] lines = new int[1024];
    private int count;
    private byte[] pixels = new byte[1 << 20];
    private int pixelBytes;
    private int lineLabel;

    private CsvFile(String name) {
        this.name = name;
    }

    /** Reads {@code file}; throws {@link DatasetException} naming it, the line and the problem. */
    static Records read(Path file) {
        String name = IdxReader.nameOf(file);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(Problem.found(name + ":", "not a readable file", "a CSV file (raw or gzipped)"));
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, name);
        } catch (AccessDeniedException e) {
            throw new DatasetException(Problem.found(name + ":", "permission denied", READABLE), e);
        } catch (IOException e) {
            throw new DatasetException(Problem.found(name + ":", "read error (" + e.getMessage() + ")", READABLE), e);
        }
    }

    /** Reads CSV from {@code raw} (not closed); {@code name} identifies it in messages. */
    static Records read(InputStream raw, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, CHUNK);
        buffered.mark(2);
        boolean gzipped = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream in;
        try {
            in = gzipped ? new GZIPInputStream(buffered, CHUNK) : buffered;
        } catch (IOException e) {
            throw corruptGzip(name, e);
        }
        CsvFile parser = new CsvFile(name);
        byte[] chunk = new byte[CHUNK];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    parser.accept(chunk[i]);
                }
            }
        } catch (IOException e) {
            if (gzipped) {
                throw corruptGzip(name, e);
            }
            throw e;
        }
        return parser.finish();
    }

    private void accept(byte b) {
        switch (b) {
            case '\n' -> {
                if (lineHasContent) {
                    endField();
                    endLine();
                }
                line++;
            }
            case ',' -> {
                lineHasContent = true;
                endField();
            }
            case ' ', '\t', '\r' -> {
                if (digits) {
                    digitsEnded = true;
                }
            }
            default -> {
                lineHasContent = true;
                if (b >= '0' && b <= '9' && !digitsEnded && !invalid) {
                    digits = true;
                    value = value > 100_000_000 ? Integer.MAX_VALUE : value * 10 + (b - '0');
                } else {
                    invalid = true;
                }
                if (text.length() < 24) {
                    text.append((char) (b & 0xff));
                }
            }
        }
    }

    private void endField() {
        if (firstContentLine && field == 0) {
            header = invalid || !digits;
        }
        if (!header) {
            boolean number = digits && !invalid;
            if (field == 0) {
                if (!number) {
                    throw fail(new Problem("line " + line + ": the label", text.toString(), "a whole number >= 0"));
                }
                lineLabel = value;
            } else {
                if (!number || value > 255) {
                    throw fail(new Problem("line " + line + ": value " + (field + 1) + " (pixel " + field + ")",
                            text.toString(), "a whole number 0..255"));
                }
                if (pixelBytes == pixels.length) {
                    pixels = Arrays.copyOf(pixels, Math.max(pixels.length * 2, 1 << 20));
                }
                pixels[pixelBytes++] = (byte) value;
            }
        }
        field++;
        value = 0;
        digits = false;
        digitsEnded = false;
        invalid = false;
        text.setLength(0);
    }

    /** The end of a line that is not blank. */
    private void endLine() {
        int values = field;
        field = 0;
        lineHasContent = false;
        if (firstContentLine) {
            firstContentLine = false;
            valuesPerLine = values;
            if (header) {
                headerLine = line;
                header = false;
                return;
            }
        }
        if (firstDataLine == 0) {
            firstDataLine = line;
        }
        if (values != valuesPerLine) {
            throw fail(Problem.found("line " + line, "has " + values + (values == 1 ? " value" : " values"),
                    valuesPerLine + " (a label and " + (valuesPerLine - 1) + " pixel values, "
                    + (headerLine > 0 ? "as in the header on line " + headerLine : "as on line " + firstDataLine)
                    + "); a line cut short is a truncated file"));
        }
        if (values < 2) {
            throw fail(Problem.found("line " + line, "has only a label", "the label, then at least one pixel value"));
        }
        if (count == labels.length) {
            labels = Arrays.copyOf(labels, count * 2);
            lines = Arrays.copyOf(lines, count * 2);
        }
        labels[count] = lineLabel;
        lines[count] = line;
        count++;
    }

    private Records finish() {
        if (lineHasContent) {
            endField();
            endLine();
        }
        if (count == 0) {
            throw new DatasetException(Problem.found(name + ":", "no data lines" + (headerLine > 0 ? " after the header" : ""),
                    "one image per line: the label, then the pixel values 0..255"));
        }
        return new Records(valuesPerLine, headerLine, firstDataLine, Arrays.copyOf(labels, count),
                Arrays.copyOf(lines, count), Arrays.copyOf(pixels, pixelBytes));
    }

    /** {@code problem} of a line, named by this file: "train.csv: line 4 has 3 values; ...". */
    private static DatasetException corruptGzip(String name, IOException e) {
        return new DatasetException(Problem.found(name + ":", "corrupt gzip stream (" + e.getMessage() + ")",
                "a whole gzip stream of a CSV file"), e);
    }

    private DatasetException fail(Problem problem) {
        return new DatasetException(DatasetException.named(name, problem));
    }
}
