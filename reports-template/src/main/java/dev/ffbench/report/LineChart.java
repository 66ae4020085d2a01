package dev.ffbench.report;

import dev.ffbench.report.ChartView.Frame;
import dev.ffbench.report.ChartView.Legend;
import dev.ffbench.report.ChartView.LegendEntry;
import dev.ffbench.report.ChartView.PointView;
import dev.ffbench.report.ChartView.SeriesView;
import dev.ffbench.report.ChartView.Tick;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ChartView} of lines over categorical x values (depths or widths, evenly spaced
 * in order) with a value y axis.
 */
public final class LineChart {
    public static final int WIDTH = 420;
    public static final int HEIGHT = 270;
    static final double LEFT = 62;
    static final double RIGHT = 14;
    static final double TOP = 14;
    static final double BOTTOM = 46;
    static final double MARKER = 4.5;

    /** How one series looks. */
    public record Style(String color, String dash, String marker, boolean hollow) {}

    /** One data point: the mean, the min and max over seeds, and its tooltip text. */
    public record Datum(int x, double mean, double min, double max, String title) {}

    /** A named series: one datum per x value it has (by x value, not index). */
    public record Series(String name, Style style, List<Datum> data) {}

    private LineChart() {}

    /**
     * @param xValues the x categories in order (e.g. depths 2, 4, 8)
     * @param units how the y values read
     * @param allowLog whether a wide range switches the y axis to log scale
     * @param fixedMax the top of a linear axis (1.0 for accuracies), or null
     */
    public static ChartView build(String id, String title, List<Integer> xValues, String xLabel, Units units,
            String yName, boolean allowLog, Double fixedMax, List<Series> series) {
        Frame plot = new Frame(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        List<Double> values = new ArrayList<>();
        for (Series s : series) {
            for (Datum d : s.data()) {
                values.add(d.mean());
                values.add(d.min());
                values.add(d.max());
            }
        }
        Scale y = Scale.of(values, allowLog, fixedMax, plot.bottom(), plot.top());
        List<Tick> yTicks = y.ticks().stream().map(t -> new Tick(y.pixel(t), units.tick(t))).toList();
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < xValues.size(); i++) {
            xTicks.add(new Tick(xPixel(plot, i, xValues.size()), String.valueOf(xValues.get(i))));
        }
        List<SeriesView> views = new ArrayList<>();
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            List<PointView> points = new ArrayList<>();
            boolean gap = true;
            for (int i = 0; i < xValues.size(); i++) {
                Datum d = find(s.data(), xValues.get(i));
                if (d == null) {
                    gap = true;
                    continue;
                }
                double px = xPixel(plot, i, xValues.size());
                double py = y.pixel(d.mean());
                path.append(gap ? "M" : "L").append(Geometry.num(px)).append(',').append(Geometry.num(py));
                gap = false;
                String whisker = "";
                if (d.max() > d.min()) {
                    double top = y.pixel(d.max());
                    double bottom = y.pixel(d.min());
                    whisker = "M" + Geometry.num(px) + "," + Geometry.num(top) + "V" + Geometry.num(bottom)
                            + "M" + Geometry.num(px - 4) + "," + Geometry.num(top) + "h8"
                            + "M" + Geometry.num(px - 4) + "," + Geometry.num(bottom) + "h8";
                }
                points.add(new PointView(px, py, Geometry.marker(s.style().marker(), px, py, radius(s.style())), whisker, d.title()));
            }
            views.add(new SeriesView(s.name(), s.style().color(), s.style().dash(), s.style().hollow(), path.toString(), points));
        }
        String yLabel = yName + " (" + units.symbol() + (y.isLog() ? ", log scale" : "") + ")";
        return new ChartView(id, title, WIDTH, HEIGHT, plot, xLabel, yLabel, y.isLog(), xTicks, yTicks, views);
    }

    /** Hollow (baseline) markers are larger: around an equal current value they show as a ring. */
    static double radius(Style style) {
        return style.hollow() ? MARKER + 2 : MARKER;
    }

    static double xPixel(Frame plot, int index, int count) {
        return Geometry.round2(plot.left() + (index + 0.5) * plot.width() / count);
    }

    private static Datum find(List<Datum> data, int x) {
        for (Datum d : data) {
            if (d.x() == x) {
                return d;
            }
        }
        return null;
    }

    /** A legend laid out in rows no wider than {@code maxWidth}: ~6.6 px per character at 12 px. */
    public static Legend legend(List<String> names, List<Style> styles, int maxWidth) {
        List<LegendEntry> entries = new ArrayList<>();
        double x = 0;
        int row = 0;
        List<double[]> positions = new ArrayList<>();
        for (String name : names) {
            double w = 44 + name.length() * 6.6 + 18;
            if (x > 0 && x + w > maxWidth) {
                x = 0;
                row++;
            }
            positions.add(new double[] {x, row});
            x += w;
        }
        for (int i = 0; i < names.size(); i++) {
            Style s = styles.get(i);
            double ex = positions.get(i)[0];
            double ey = 12 + 20 * positions.get(i)[1];
            entries.add(new LegendEntry(names.get(i), s.color(), s.dash(), s.hollow(),
                    Geometry.marker(s.marker(), ex + 18, ey, radius(s)), ex, ey, ex + 42));
        }
        int height = 24 + 20 * row;
        return new Legend(maxWidth, height, entries);
    }
}
