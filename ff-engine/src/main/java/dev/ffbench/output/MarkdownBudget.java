package dev.ffbench.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Markdown document that stays under a size limit (a pull-request comment or a CI job summary
 * refuses longer text): fixed lines always appear; the rows of tables and lists appear by priority
 * (lower first) while they fit, and each table or list that lost rows ends with a line saying how
 * many were folded and where they all are.
 */
final class MarkdownBudget {
    private final List<Object> blocks = new ArrayList<>();

    /** A fixed line. */
    MarkdownBudget line(String text) {
        blocks.add(text);
        return this;
    }

    /** An empty line. */
    MarkdownBudget blank() {
        return line("");
    }

    /**
     * A table (or, with no header, a list) whose rows are added afterwards. {@code open} and
     * {@code close} wrap it (e.g. a {@code <details>} block; empty for none); {@code foldNote} ends it
     * when rows were left out, with %d for their count. Nothing of it is written when it gets no rows.
     */
    Rows rows(List<String> open, List<String> header, List<String> close, String foldNote) {
        Rows rows = new Rows(List.copyOf(open), List.copyOf(header), List.copyOf(close), foldNote);
        blocks.add(rows);
        return rows;
    }

    /** The rows of a table or list, each with its priority (0 first). */
    static final class Rows {
        private final List<String> open;
        private final List<String> header;
        private final List<String> close;
        private final String foldNote;
        private final List<String> texts = new ArrayList<>();
        private final List<Integer> priorities = new ArrayList<>();

        private Rows(List<String> open, List<String> header, List<String> close, String foldNote) {
            this.open = open;
            this.header = header;
            this.close = close;
            this.foldNote = foldNote;
        }

        Rows add(int priority, String text) {
            texts.add(text);
            priorities.add(priority);
            return this;
        }

        int size() {
            return texts.size();
        }

        private int fixedLength(int folded) {
            if (texts.isEmpty()) {
                return 0;
            }
            int length = 0;
            for (String line : open) {
                length += line.length() + 1;
            }
            for (String line : header) {
                length += line.length() + 1;
            }
            for (String line : close) {
                length += line.length() + 1;
            }
            return length + (folded > 0 ? foldLine(folded).length() + 2 : 0);
        }

        private String foldLine(int folded) {
            return String.format(java.util.Locale.ROOT, foldNote, folded);
        }
    }

    /** The document, at most {@code limit} characters long (a fixed part longer than that is cut). */
    String render(int limit) {
        // the fixed part, with room for every fold line at its longest
        int fixed = 0;
        List<Rows> tables = new ArrayList<>();
        for (Object block : blocks) {
            if (block instanceof Rows rows) {
                tables.add(rows);
                fixed += rows.fixedLength(rows.size());
            } else {
                fixed += ((String) block).length() + 1;
            }
        }
        record Candidate(Rows rows, int index, int priority, int table) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            Rows rows = tables.get(t);
            for (int i = 0; i < rows.size(); i++) {
                candidates.add(new Candidate(rows, i, rows.priorities.get(i), t));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::priority).thenComparingInt(Candidate::table)
                .thenComparingInt(Candidate::index));
        int budget = limit - fixed;
        List<boolean[]> kept = tables.stream().map(rows -> new boolean[rows.size()]).toList();
        boolean[] closed = new boolean[tables.size()];
        for (Candidate candidate : candidates) {
            if (closed[candidate.table()]) {
                continue;
            }
            int length = candidate.rows().texts.get(candidate.index()).length() + 1;
            if (length <= budget) {
                kept.get(candidate.table())[candidate.index()] = true;
                budget -= length;
            } else {
                closed[candidate.table()] = true;
            }
        }

        StringBuilder out = new StringBuilder();
        int t = 0;
        for (Object block : blocks) {
            if (!(block instanceof Rows rows)) {
                out.append((String) block).append('\n');
                continue;
            }
            boolean[] keep = kept.get(t++);
            if (rows.size() == 0) {
                continue;
            }
            int folded = 0;
            rows.open.forEach(line -> out.append(line).append('\n'));
            rows.header.forEach(line -> out.append(line).append('\n'));
            for (int i = 0; i < rows.size(); i++) {
                if (keep[i]) {
                    out.append(rows.texts.get(i)).append('\n');
                } else {
                    folded++;
                }
            }
            if (folded > 0) {
                out.append('\n').append(rows.foldLine(folded)).append('\n');
            }
            rows.close.forEach(line -> out.append(line).append('\n'));
        }
        return out.length() <= limit ? out.toString() : out.substring(0, limit);
    }
}
