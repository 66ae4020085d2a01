package dev.ffbench.fork;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * What a forked cell printed, as the harness keeps it: whatever the fork prints (one 20 MB line, millions of
 * lines), the harness holds at most {@code keep} lines of at most {@link #MAX_LINE_CHARS} characters each, so
 * a log tail or a failure reason in results.json, the JUnit XML and the report stays small. A longer line keeps
 * its start and says how many characters were left out. The log is read as a stream, never whole.
 */
final class ForkLog {
    /** The characters kept of each log line, and of a failure reason. */
    static final int MAX_LINE_CHARS = 2_000;

    private ForkLog() {}

    /**
     * The log's last {@code keep} lines, each cut to {@link #MAX_LINE_CHARS}; bytes that are not UTF-8 (native
     * libraries print what they like) become U+FFFD; no file, no lines. Lines end as in {@link String#lines()}.
     */
    static List<String> lastLines(Path log, int keep) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        ArrayDeque<String> lines = new ArrayDeque<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            long length = 0;
            boolean open = false;
            boolean afterCarriageReturn = false;
            char[] buffer = new char[8192];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (afterCarriageReturn) {
                        afterCarriageReturn = false;
                        if (c == '\n') {
                            continue; // \r\n ends one line
                        }
                    }
                    if (c == '\n' || c == '\r') {
                        add(lines, keep, cut(line, length));
                        line.setLength(0);
                        length = 0;
                        open = false;
                        afterCarriageReturn = c == '\r';
                    } else {
                        if (line.length() <= MAX_LINE_CHARS) {
                            line.append(c);
                        }
                        length++;
                        open = true;
                    }
                }
            }
            if (open) {
                add(lines, keep, cut(line, length));
            }
        }
        return List.copyOf(lines);
    }

    private static void add(ArrayDeque<String> lines, int keep, String line) {
        lines.addLast(line);
        if (lines.size() > keep) {
            lines.removeFirst();
        }
    }

    /** {@code text} cut to {@link #MAX_LINE_CHARS}, with a note of how many characters were left out. */
    static String cap(String text) {
        return text.length() <= MAX_LINE_CHARS ? text : cut(text, text.length());
    }

    /** The start of a text of {@code length} characters (of which {@code start} holds at least the first kept ones). */
    private static String cut(CharSequence start, long length) {
        if (length <= MAX_LINE_CHARS) {
            return start.toString();
        }
        // never half a surrogate pair
        int end = Character.isHighSurrogate(start.charAt(MAX_LINE_CHARS - 1)) ? MAX_LINE_CHARS - 1 : MAX_LINE_CHARS;
        return start.subSequence(0, end) + String.format(Locale.ROOT, " [... %,d characters left out]", length - end);
    }
}
