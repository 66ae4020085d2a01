package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.report.ChartView.PointView;
import dev.ffbench.report.ChartView.SeriesView;
import dev.ffbench.report.ChartView.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend chart's y axis fitted to its values, and the marks on runs whose gates failed, as SVG coordinates. */
class TrendChartTest {
    // the plot spans y 144 (bottom) to 24 (top)

    static TrendChart.Point point(int run, double value, boolean gatesFailed) {
        return new TrendChart.Point(run, value, value, value, "run " + (run + 1), false, gatesFailed);
    }

    static SeriesView series(ChartView chart, String name) {
        return chart.series().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void equalValuesSitMidHeightOnAPaddedAxis() {
        ChartView chart = TrendChart.build("t", "test accuracy", 3, Units.FRACTION, "test accuracy",
                List.of(point(0, 0.9, false), point(1, 0.9, false), point(2, 0.9, false)));

        assertEquals(List.of("85", "90", "95"), chart.yTicks().stream().map(Tick::label).toList(), "90 % padded by 5 % of it");
        assertEquals(List.of(144.0, 84.0, 24.0), chart.yTicks().stream().map(Tick::position).toList());
        assertEquals(List.of(84.0, 84.0, 84.0), series(chart, TrendChart.RUNS).points().stream().map(PointView::y).toList());
        assertEquals(null, series(chart, TrendChart.GATES_FAILED), "no run failed: no series");
    }

    @Test
    void anAxisNeverPassesAFractionsCeilingNorZero() {
        ChartView full = TrendChart.build("t", "test accuracy", 2, Units.FRACTION, "test accuracy",
                List.of(point(0, 1.0, false), point(1, 1.0, false)));
        assertEquals(List.of("94", "96", "98", "100"), full.yTicks().stream().map(Tick::label).toList());
        assertEquals(24.0, full.series().get(0).points().get(0).y(), "100 % at the top, not below a 105 % tick");

        ChartView zero = TrendChart.build("t", "training peak", 2, Units.BYTES, "training peak",
                List.of(point(0, 0, false), point(1, 0, false)));
        assertEquals(List.of("0.000000", "0.000001"), zero.yTicks().stream().map(Tick::label).toList(), "0 to 1 B, in MB");
        assertEquals(144.0, zero.series().get(0).points().get(0).y());
    }

    @Test
    void aByteOfGrowthShowsWithTickLabelsThatReadApart() {
        ChartView chart = TrendChart.build("t", "training peak", 2, Units.BYTES, "training peak",
                List.of(point(0, 17_233_232, false), point(1, 17_233_236, true)));

        List<String> labels = chart.yTicks().stream().map(Tick::label).toList();
        assertEquals(labels.stream().distinct().toList(), labels, "no two ticks read the same");
        assertEquals("17.233230", labels.get(0), "ticks 2 B apart from a round 17,233,230 B");
        List<PointView> points = series(chart, TrendChart.RUNS).points();
        assertEquals(60.0, points.get(0).y() - points.get(1).y(), "4 B of growth is half of the 120-pixel plot (8 B of axis)");
        SeriesView failed = series(chart, TrendChart.GATES_FAILED);
        assertEquals(1, failed.points().size());
        assertEquals(points.get(1).x(), failed.points().get(0).x());
        assertEquals(points.get(1).y(), failed.points().get(0).y());
        assertEquals(Geometry.marker("cross", points.get(1).x(), points.get(1).y(), TrendChart.MARKER + 2),
                failed.points().get(0).marker(), "a cross over the point, unlike the circle and the diamond ring");
        assertEquals(true, failed.hollow());
    }
}
