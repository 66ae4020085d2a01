package dev.ffbench.report;

import dev.ffbench.report.ChartView.Frame;
import dev.ffbench.report.ChartView.PointView;
import dev.ffbench.report.ChartView.SeriesView;
import dev.ffbench.report.ChartView.Tick;
import java.util.ArrayList;
import java.util.List;

/**
 * A small chart of one metric of one group of cells over the recorded runs (x: run 1, 2, ... oldest
 * first; y: the metric, linear and fitted to the values, not from zero, so that a +2 % memory
 * regression is a visible step rather than a 2-pixel bump: {@link Scale#fitted}). One line of the
 * runs' values, with whiskers from the lowest to the highest seed, and, drawn over it, a ring around
 * each run measured in another environment than the newest run and a cross on each run whose gates
 * failed. Every coordinate is computed here; the template copies them.
 */
public final class TrendChart {
    /** The chart's size in SVG user units: small, as there is one per gated metric and group. */
    public static final int WIDTH = 300;
    /** See {@link #WIDTH}. */
    public static final int HEIGHT = 180;
    static final double LEFT = 58;
    static final double RIGHT = 10;
    static final double TOP = 24;
    static final double BOTTOM = 36;
    static final double MARKER = 3.5;
    /** At most this many x labels, so that they never overlap. */
    static final int MAX_X_LABELS = 8;
    /** The colour of the line. */
    static final String COLOR = "#0072B2";
    /** The colour of the rings around runs of another environment. */
    static final String OTHER_ENVIRONMENT = "#D55E00";
    /** The colour of the crosses on runs whose gates failed. */
    static final String GATES_FAILED_COLOR = "#CF222E";
    /** The series names, also the data-series attribute of their group in the page. */
    public static final String RUNS = "runs";
    public static final String OTHER = "another environment";
    public static final String GATES_FAILED = "gates failed";

    private TrendChart() {}

    /**
     * A value of one run.
     *
     * @param run the run's index, 0 for the oldest drawn
     * @param mean the mean over the group's seeds
     * @param min the lowest seed's value
     * @param max the highest seed's value
     * @param title the tooltip: exact values, run, date and commit
     * @param otherEnvironment whether the run was measured in another environment than the newest
     * @param gatesFailed whether the run's gates failed (false also when its verdict is unknown)
     */
    public record Point(int run, double mean, double min, double max, String title, boolean otherEnvironment,
            boolean gatesFailed) {}

    /**
     * The chart of one metric over the runs.
     *
     * @param runs how many runs the x axis has
     * @param units how the values read
     * @param points the runs that have a value (a run without one leaves a gap in the line)
     */
    public static ChartView build(String id, String title, int runs, Units units, String yName, List<Point> points) {
        Frame plot = new Frame(LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM);
        List<Double> values = new ArrayList<>();
        for (Point p : points) {
            values.add(p.mean());
            values.add(p.min());
            values.add(p.max());
        }
        Scale y = Scale.fitted(values, units == Units.FRACTION ? 1.0 : null, minStep(units), plot.bottom(), plot.top());
        List<Tick> yTicks = y.ticks().stream().map(t -> new Tick(y.pixel(t), tick(units, t, y.step()))).toList();
        int step = Math.max(1, (int) Math.ceil(runs / (double) MAX_X_LABELS));
        List<Tick> xTicks = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            boolean last = run == runs - 1;
            boolean regular = run % step == 0 && runs - 1 - run >= step; // not crowding the last label
            if (regular || last) {
                xTicks.add(new Tick(x(plot, run, runs), String.valueOf(run + 1)));
            }
        }
        StringBuilder path = new StringBuilder();
        List<PointView> line = new ArrayList<>();
        List<PointView> rings = new ArrayList<>();
        List<PointView> failed = new ArrayList<>();
        int previous = -2;
        for (Point p : points) {
            double px = x(plot, p.run(), runs);
            double py = y.pixel(p.mean());
            path.append(p.run() == previous + 1 ? "L" : "M").append(Geometry.num(px)).append(',').append(Geometry.num(py));
            previous = p.run();
            String whisker = "";
            if (p.max() > p.min()) {
                double top = y.pixel(p.max());
                double bottom = y.pixel(p.min());
                whisker = "M" + Geometry.num(px) + "," + Geometry.num(top) + "V" + Geometry.num(bottom)
                        + "M" + Geometry.num(px - 3) + "," + Geometry.num(top) + "h6"
                        + "M" + Geometry.num(px - 3) + "," + Geometry.num(bottom) + "h6";
            }
            line.add(new PointView(px, py, Geometry.marker("circle", px, py, MARKER), whisker, p.title()));
            if (p.otherEnvironment()) {
                rings.add(new PointView(px, py, Geometry.marker("diamond", px, py, MARKER + 3), "",
                        p.title()));
            }
            if (p.gatesFailed()) {
                failed.add(new PointView(px, py, Geometry.marker("cross", px, py, MARKER + 2), "", p.title()));
            }
        }
        List<SeriesView> series = new ArrayList<>();
        series.add(new SeriesView(RUNS, COLOR, "none", false, path.toString(), line));
        if (!rings.isEmpty()) {
            series.add(new SeriesView(OTHER, OTHER_ENVIRONMENT, "none", true, "", rings));
        }
        if (!failed.isEmpty()) {
            series.add(new SeriesView(GATES_FAILED, GATES_FAILED_COLOR, "none", true, "", failed));
        }
        return new ChartView(id, title, WIDTH, HEIGHT, plot, "run (oldest to newest)", yName + " (" + units.symbol() + ")",
                false, xTicks, yTicks, series);
    }

    /** The smallest tick step worth drawing: a byte, a hundredth of a point, a sample/s, a hundredth of a second. */
    static double minStep(Units units) {
        return switch (units) {
            case BYTES, RATE -> 1;
            case FRACTION -> 0.0001;
            case SECONDS -> 0.01;
        };
    }

    /**
     * A tick label with as many decimals as {@code step} needs, so that ticks a few bytes or a hundredth of
     * a point apart read apart ("17.2332", "17.2333" MB), in the axis's unit (MB, %, samples/s, s).
     */
    static String tick(Units units, double value, double step) {
        double scale = switch (units) {
            case BYTES -> 1e-6;
            case FRACTION -> 100;
            case RATE, SECONDS -> 1;
        };
        int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step * scale) - 1e-9)));
        return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value * scale);
    }

    static double x(Frame plot, int run, int runs) {
        return Geometry.round2(plot.left() + (run + 0.5) * plot.width() / runs);
    }
}
