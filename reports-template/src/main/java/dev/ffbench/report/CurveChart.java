package dev.ffbench.report;

import dev.ffbench.report.ChartView.Frame;
import dev.ffbench.report.ChartView.PointView;
import dev.ffbench.report.ChartView.SeriesView;
import dev.ffbench.report.ChartView.Tick;
import dev.ffbench.report.LineChart.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link ChartView} of accuracy curves: test accuracy (0..1) against training seconds, both
 * axes continuous from zero, one line per series through its points in time order.
 */
final class CurveChart {
    private CurveChart() {}

    /** One measured point: training seconds, test accuracy, and its tooltip. */
    record Point(double seconds, double accuracy, String title) {}

    /** A named line of points in time order. */
    record Curve(String name, Style style, List<Point> points) {}

    static ChartView build(String id, String title, List<Curve> curves) {
        Frame plot = new Frame(LineChart.LEFT, LineChart.TOP, LineChart.WIDTH - LineChart.RIGHT,
                LineChart.HEIGHT - LineChart.BOTTOM);
        List<Double> seconds = new ArrayList<>();
        curves.forEach(c -> c.points().forEach(p -> seconds.add(p.seconds())));
        Scale x = Scale.of(seconds, false, null, plot.left(), plot.right());
        Scale y = Scale.of(List.of(), false, 1.0, plot.bottom(), plot.top());
        List<Tick> xTicks = x.ticks().stream().map(t -> new Tick(x.pixel(t), Units.SECONDS.tick(t))).toList();
        List<Tick> yTicks = y.ticks().stream().map(t -> new Tick(y.pixel(t), Units.FRACTION.tick(t))).toList();
        List<SeriesView> views = new ArrayList<>();
        for (Curve curve : curves) {
            StringBuilder path = new StringBuilder();
            List<PointView> points = new ArrayList<>();
            for (Point p : curve.points()) {
                double px = x.pixel(p.seconds());
                double py = y.pixel(p.accuracy());
                path.append(path.length() == 0 ? "M" : "L").append(Geometry.num(px)).append(',').append(Geometry.num(py));
                points.add(new PointView(px, py, Geometry.marker(curve.style().marker(), px, py,
                        LineChart.radius(curve.style())), "", p.title()));
            }
            views.add(new SeriesView(curve.name(), curve.style().color(), curve.style().dash(), curve.style().hollow(),
                    path.toString(), points));
        }
        return new ChartView(id, title, LineChart.WIDTH, LineChart.HEIGHT, plot, "training seconds (evaluations excluded)",
                "test accuracy (" + Units.FRACTION.symbol() + ")", false, xTicks, yTicks, views);
    }
}
