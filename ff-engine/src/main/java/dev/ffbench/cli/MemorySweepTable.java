package dev.ffbench.cli;

import dev.ffbench.io.Problem;
import dev.ffbench.memory.MemoryBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * The memory sweep's table: the training peak of each column (FF Base and each backprop reference, at
 * an optimizer) by depth, FF's ratio to the reference of the same optimizer, and the measured time per
 * epoch. Depths that were not measured are derived from the measured ones and marked {@code *}: the
 * parameters, gradients and optimizer state grow by a fixed amount per layer, and the working set by a
 * fixed amount per width-sized activation array the step keeps (FF Base keeps none, backprop one per
 * layer, checkpointed backprop about 2 sqrt(depth)). Both amounts are read off the measured rows, and
 * every pair of measured rows must agree on them to the byte, else nothing is derived.
 */
final class MemorySweepTable {
    /**
     * One column: its title, the algorithm and optimizer its cells run, and the width-sized activation
     * arrays a step of it keeps at a depth (only differences between depths matter).
     */
    record Column(String title, String algorithm, String optimizer, IntUnaryOperator keptActivations) {}

    /** A measured cell: its training peak and the seconds of one epoch, estimated from the steps it trained. */
    record Measured(MemoryBreakdown peak, double secondsPerEpoch) {}

    /** A ratio column: FF's column over a reference column (same optimizer on both sides). */
    record Ratio(String title, int candidate, int reference) {}

    private final List<Column> columns;
    private final List<Ratio> ratios;
    /** Measured cells by depth, one per column. */
    private final Map<Integer, List<Measured>> measured = new TreeMap<>();

    MemorySweepTable(List<Column> columns, List<Ratio> ratios) {
        this.columns = List.copyOf(columns);
        this.ratios = List.copyOf(ratios);
    }

    void add(int depth, List<Measured> row) {
        measured.put(depth, List.copyOf(row));
    }

    /**
     * Every depth's training peak per column: the measured ones as they are, the others derived.
     *
     * @throws IllegalStateException when fewer than two depths were measured but others are asked for, or
     *     when the measured rows disagree on a column's growth (a derived figure would not be true)
     */
    Map<Integer, long[]> peaks(List<Integer> depths) {
        Map<Integer, long[]> peaks = new LinkedHashMap<>();
        List<Integer> known = new ArrayList<>(measured.keySet());
        for (int depth : depths) {
            long[] row = new long[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                row[c] = measured.containsKey(depth) ? measured.get(depth).get(c).peak().totalBytes() : derive(c, depth, known);
            }
            peaks.put(depth, row);
        }
        return peaks;
    }

    private long derive(int column, int depth, List<Integer> known) {
        if (known.size() < 2) {
            throw new IllegalStateException(Problem.found("depth " + depth, "is not measured and " + known.size()
                    + " depth(s) are: a derived row needs the growth between two measured depths", "--measure"
                    + " with at least two depths").message());
        }
        Long perLayer = null;
        Long perArray = null;
        for (int i = 1; i < known.size(); i++) {
            int low = known.get(i - 1);
            int high = known.get(i);
            MemoryBreakdown a = measured.get(low).get(column).peak();
            MemoryBreakdown b = measured.get(high).get(column).peak();
            long layer = exact(column, "persistent memory per layer", persistent(b) - persistent(a), high - low, low, high);
            if (perLayer != null && perLayer != layer) {
                throw disagree(column, "persistent memory per layer", low, high, layer + " B, not " + perLayer
                        + " B as between the depths below");
            }
            perLayer = layer;
            int arrays = keptArrays(column, high) - keptArrays(column, low);
            long working = b.transientBytes() - a.transientBytes();
            if (arrays == 0) {
                if (working != 0) {
                    throw disagree(column, "working set", low, high, working + " B more with no more kept activation arrays");
                }
                continue;
            }
            long array = exact(column, "working set per kept activation array", working, arrays, low, high);
            if (perArray != null && perArray != array) {
                throw disagree(column, "working set per kept activation array", low, high, array + " B, not " + perArray
                        + " B as between the depths below");
            }
            perArray = array;
        }
        int last = known.get(known.size() - 1);
        int arrays = keptArrays(column, depth) - keptArrays(column, last);
        if (arrays != 0 && perArray == null) {
            throw disagree(column, "working set", known.get(0), last, "the same at every measured depth, so the bytes of a"
                    + " kept activation array are not known");
        }
        MemoryBreakdown from = measured.get(last).get(column).peak();
        return from.totalBytes() + (long) (depth - last) * perLayer + (arrays == 0 ? 0 : arrays * perArray);
    }

    private int keptArrays(int column, int depth) {
        return columns.get(column).keptActivations().applyAsInt(depth);
    }

    private long exact(int column, String what, long bytes, int steps, int low, int high) {
        if (bytes % steps != 0) {
            throw disagree(column, what, low, high, bytes + " B over " + steps + " is not a whole number of bytes");
        }
        return bytes / steps;
    }

    private IllegalStateException disagree(int column, String what, int low, int high, String detail) {
        return new IllegalStateException(columns.get(column).title() + ": the " + what + " between measured depths " + low
                + " and " + high + " is " + detail + "; no row is derived from growth that is not constant");
    }

    private static long persistent(MemoryBreakdown peak) {
        return peak.parameters() + peak.gradients() + peak.optimizerState();
    }

    /**
     * The table in Markdown, one row per depth ({@code *}: derived), the peaks in bytes, FF's ratios and the
     * measured seconds per epoch of every column ("-" for derived rows: time does not grow by a fixed amount
     * per layer for layerwise FF, which streams every batch through the layers below).
     *
     * @param note a column's note for a depth, e.g. checkpointing's k, or "" for none
     */
    String markdown(List<Integer> depths, java.util.function.BiFunction<Integer, Integer, String> note) {
        Map<Integer, long[]> peaks = peaks(depths);
        StringBuilder out = new StringBuilder("| depth |");
        StringBuilder rule = new StringBuilder("|---:|");
        for (Column column : columns) {
            out.append(' ').append(column.title()).append(" (B) |");
            rule.append("---:|");
        }
        for (Ratio ratio : ratios) {
            out.append(' ').append(ratio.title()).append(" |");
            rule.append("---:|");
        }
        out.append(" s per epoch: ").append(String.join(" / ", columns.stream().map(Column::title).toList())).append(" |\n");
        out.append(rule).append("---|\n");
        for (int depth : depths) {
            long[] row = peaks.get(depth);
            boolean isMeasured = measured.containsKey(depth);
            out.append("| ").append(depth).append(isMeasured ? "" : " *").append(" |");
            for (int c = 0; c < columns.size(); c++) {
                String extra = note.apply(c, depth);
                out.append(String.format(Locale.ROOT, " %,d%s |", row[c], extra.isEmpty() ? "" : " (" + extra + ")"));
            }
            for (Ratio ratio : ratios) {
                out.append(String.format(Locale.ROOT, " %.3f |", (double) row[ratio.candidate()] / row[ratio.reference()]));
            }
            out.append(' ');
            if (isMeasured) {
                out.append(String.join(" / ", measured.get(depth).stream()
                        .map(m -> String.format(Locale.ROOT, "%.0f", m.secondsPerEpoch())).toList()));
            } else {
                out.append('-');
            }
            out.append(" |\n");
        }
        return out.toString();
    }
}
