package dev.ffbench.report;

import java.util.List;

/**
 * One SVG chart, every coordinate computed in Java: the template only copies these values into
 * elements. Pixel values are in the SVG's user units ({@code width} x {@code height}).
 */
public record ChartView(
        String id,
        String title,
        int width,
        int height,
        Frame plot,
        String xLabel,
        String yLabel,
        boolean logScale,
        List<Tick> xTicks,
        List<Tick> yTicks,
        List<SeriesView> series) {

    public ChartView {
        xTicks = List.copyOf(xTicks);
        yTicks = List.copyOf(yTicks);
        series = List.copyOf(series);
    }

    /** The plot area. */
    public record Frame(double left, double top, double right, double bottom) {
        public double width() {
            return right - left;
        }

        public double height() {
            return bottom - top;
        }
    }

    /** A tick at {@code position} (x for the x axis, y for the y axis). */
    public record Tick(double position, String label) {}

    /** A line of points; {@code dash} is an SVG stroke-dasharray ("none" for solid). */
    public record SeriesView(String name, String color, String dash, boolean hollow, String path, List<PointView> points) {
        public SeriesView {
            points = List.copyOf(points);
        }
    }

    /** A data point: its marker outline, its whisker (min-max, empty when none) and its tooltip. */
    public record PointView(double x, double y, String marker, String whisker, String title) {}

    /** A legend entry: a line sample and a marker, as the series draws them. */
    public record LegendEntry(String name, String color, String dash, boolean hollow, String marker, double x, double y, double textX) {}

    /** The legend of a set of panels, drawn once above them. */
    public record Legend(int width, int height, List<LegendEntry> entries) {
        public Legend {
            entries = List.copyOf(entries);
        }
    }
}
