package dev.ffbench.report;

import dev.ffbench.report.ChartView.Frame;
import dev.ffbench.report.ChartView.PointView;
import dev.ffbench.report.ChartView.SeriesView;
import dev.ffbench.report.ChartView.Tick;
import java.util.ArrayList;
import java.util.List;

/**
 * A small chart of one metric of one group of cells over the recorded runs (x: run 1, 2, ... oldest
 * first; y: the metric, linear from zero). One line of the runs' values, with whiskers from the
 * lowest to the highest seed, and, drawn over it, a ring around each run measured in another
 * environment than the newest run. Every coordinate is computed here; the template copies them.
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
    /** The series names, also the data-series attribute of their group in the page. */
    public static final String RUNS = "runs";
    public static final String OTHER = "another environment";

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
     */
    public record Point(int run, double mean, double min, double max, String title, boolean otherEnvironment) {}

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
        Scale y = Scale.of(values, false, null, plot.bottom(), plot.top());
        List<Tick> yTicks = y.ticks().stream().map(t -> new Tick(y.pixel(t), units.tick(t))).toList();
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
        }
        List<SeriesView> series = new ArrayList<>();
        series.add(new SeriesView(RUNS, COLOR, "none", false, path.toString(), line));
        if (!rings.isEmpty()) {
            series.add(new SeriesView(OTHER, OTHER_ENVIRONMENT, "none", true, "", rings));
        }
        return new ChartView(id, title, WIDTH, HEIGHT, plot, "run (oldest to newest)", yName + " (" + units.symbol() + ")",
                false, xTicks, yTicks, series);
    }

    static double x(Frame plot, int run, int runs) {
        return Geometry.round2(plot.left() + (run + 0.5) * plot.width() / runs);
    }
}
