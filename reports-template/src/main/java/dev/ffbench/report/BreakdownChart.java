package dev.ffbench.report;

import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.report.ChartView.Tick;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal stacked bar per cell and peak (training, evaluation): parameters, gradients,
 * optimizer state and transient memory, on one linear byte axis shared by every bar.
 */
public final class BreakdownChart {
    public static final int WIDTH = 880;
    static final double LABEL = 250;
    static final double RIGHT = 90;
    static final double TOP = 8;
    static final double BAR = 11;
    static final double ROW = 2 * BAR + 10;
    static final double AXIS = 40;

    /** The four parts, in stacking order, with the fill (a pattern defined once in the page). */
    public static final List<String> PARTS = List.of("parameters", "gradients", "optimizer state", "transient");
    public static final List<String> FILLS = List.of("url(#fill-parameters)", "url(#fill-gradients)",
            "url(#fill-optimizer)", "url(#fill-transient)");

    /** One cell: its label and its two peaks. */
    public record Input(String label, MemoryBreakdown training, MemoryBreakdown evaluation) {}

    public record View(int width, int height, double plotLeft, double plotRight, double axisY, List<Tick> ticks,
            List<Row> rows, List<LegendItem> legend) {
        public View {
            ticks = List.copyOf(ticks);
            rows = List.copyOf(rows);
            legend = List.copyOf(legend);
        }
    }

    /** A cell's label row with its two bars. */
    public record Row(String label, double labelY, List<Bar> bars) {
        public Row {
            bars = List.copyOf(bars);
        }
    }

    /** One stacked bar ("training" or "evaluation"). */
    public record Bar(String peak, double y, double height, double end, String total, List<Segment> segments) {
        public Bar {
            segments = List.copyOf(segments);
        }
    }

    public record Segment(double x, double width, String fill, String title) {}

    public record LegendItem(String name, String fill, double x) {}

    private BreakdownChart() {}

    public static View build(List<Input> cells) {
        List<Double> totals = new ArrayList<>();
        for (Input c : cells) {
            totals.add((double) c.training().totalBytes());
            totals.add((double) c.evaluation().totalBytes());
        }
        double plotLeft = LABEL;
        double plotRight = WIDTH - RIGHT;
        Scale x = Scale.of(totals, false, null, plotLeft, plotRight);
        List<Row> rows = new ArrayList<>();
        double y = TOP;
        for (Input c : cells) {
            List<Bar> bars = List.of(
                    bar(c.label(), "training", c.training(), y, x),
                    bar(c.label(), "evaluation", c.evaluation(), y + BAR + 1, x));
            rows.add(new Row(c.label(), Geometry.round2(y + BAR + 4), bars));
            y += ROW;
        }
        double axisY = Geometry.round2(y);
        List<Tick> ticks = x.ticks().stream().map(t -> new Tick(x.pixel(t), Units.BYTES.tick(t))).toList();
        List<LegendItem> legend = new ArrayList<>();
        for (int i = 0; i < PARTS.size(); i++) {
            legend.add(new LegendItem(PARTS.get(i), FILLS.get(i), plotLeft + i * 140));
        }
        return new View(WIDTH, (int) Math.ceil(y + AXIS + 26), plotLeft, plotRight, axisY, ticks, rows, legend);
    }

    private static Bar bar(String label, String peak, MemoryBreakdown m, double y, Scale x) {
        long[] parts = {m.parameters(), m.gradients(), m.optimizerState(), m.transientBytes()};
        long total = m.totalBytes();
        List<Segment> segments = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < parts.length; i++) {
            double from = x.pixel(start);
            double to = x.pixel(start + parts[i]);
            if (parts[i] > 0) {
                segments.add(new Segment(from, Geometry.round2(to - from), FILLS.get(i), label + ", " + peak + " peak: "
                        + PARTS.get(i) + " " + Units.BYTES.value(parts[i])
                        + String.format(java.util.Locale.ROOT, ", %.1f %% of %s", 100.0 * parts[i] / Math.max(1, total),
                                Units.BYTES.value(total))));
            }
            start += parts[i];
        }
        String short_ = peak.equals("training") ? "train " : "eval ";
        return new Bar(peak, Geometry.round2(y), BAR, Geometry.round2(x.pixel(total) + 4),
                short_ + Units.compact(total / 1e6) + " MB", segments);
    }
}
