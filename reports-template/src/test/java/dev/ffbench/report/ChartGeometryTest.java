package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.report.LineChart.Datum;
import dev.ffbench.report.LineChart.Series;
import dev.ffbench.report.LineChart.Style;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart geometry, computed in Java, checked without any HTML. */
class ChartGeometryTest {
    static final Style SOLID = new Style("#0072B2", "none", "circle", false);

    @Test
    void linearScalesStartAtZeroAndEndOnARoundNumber() {
        Scale s = Scale.of(List.of(2_000_000.0, 7_300_000.0), true, null, 224, 14);
        assertFalse(s.isLog(), "a range of 3.65x stays linear");
        assertEquals(List.of(0.0, 2e6, 4e6, 6e6, 8e6), s.ticks());
        assertEquals(224.0, s.pixel(0));
        assertEquals(14.0, s.pixel(8e6));
        assertEquals(119.0, s.pixel(4e6));
        assertEquals(0.2, Scale.niceStep(0.13));
        assertEquals(5.0, Scale.niceStep(3.2));
        assertEquals(10.0, Scale.niceStep(7));
    }

    @Test
    void wideRangesGetALogScaleWithDecadeTicks() {
        Scale s = Scale.of(List.of(100_000.0, 50_000_000.0), true, null, 200, 0);
        assertTrue(s.isLog());
        assertEquals(List.of(1e5, 1e6, 1e7, 1e8), s.ticks());
        assertEquals(200.0, s.pixel(1e5));
        assertEquals(0.0, s.pixel(1e8));
        assertEquals(133.33, s.pixel(1e6));
        Scale narrow = Scale.of(List.of(1e6, 5e7), true, null, 100, 0);
        assertEquals(List.of(1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8), narrow.ticks(), "two decades: 1-2-5 ticks");
        assertFalse(Scale.of(List.of(1e5, 5e7), false, null, 1, 0).isLog(), "accuracies never go log");
    }

    @Test
    void linesBreakAtMissingPointsAndUnitsNameTheAxis() {
        ChartView chart = LineChart.build("c", "width 64", List.of(2, 4, 8), "depth", Units.BYTES, "training peak", true, null,
                List.of(new Series("ff-base", SOLID, List.of(new Datum(2, 1e6, 1e6, 1e6, "a"), new Datum(8, 2e6, 2e6, 2e6, "b")))));
        // three categories over 62..406: centres at 119.33, 234, 348.67
        assertEquals(List.of(119.33, 234.0, 348.67), chart.xTicks().stream().map(ChartView.Tick::position).toList());
        assertEquals("M119.33,119M348.67,14", chart.series().get(0).path(), "no point at depth 4: a gap, not a line through");
        assertEquals("training peak (MB)", chart.yLabel());
        assertEquals(List.of("0", "0.5", "1", "1.5", "2"), chart.yTicks().stream().map(ChartView.Tick::label).toList());
        assertEquals("", chart.series().get(0).points().get(0).whisker(), "one seed: no whisker");
    }

    @Test
    void markersDifferByShape() {
        assertEquals("M6,10h8v8h-8Z", Geometry.marker("square", 10, 14, 4));
        assertEquals("M10,9.2L14.4,17.2L5.6,17.2Z", Geometry.marker("triangle", 10, 14, 4));
        assertTrue(Geometry.marker("circle", 10, 14, 4).startsWith("M6,14a4,4 0 1,0 8,0"));
    }

    @Test
    void legendsWrapIntoRows() {
        List<String> names = List.of("ff-base", "ff-recurrent", "backprop", "ff-base (baseline)", "ff-recurrent (baseline)",
                "backprop (baseline)");
        ChartView.Legend legend = LineChart.legend(names, names.stream().map(n -> SOLID).toList(), 500);
        assertEquals(0.0, legend.entries().get(0).x());
        assertTrue(legend.entries().get(5).y() > legend.entries().get(0).y(), "a second row");
        assertTrue(legend.entries().stream().allMatch(e -> e.textX() < 500));
    }

    @Test
    void breakdownSegmentsStackToTheTotal() {
        BreakdownChart.View view = BreakdownChart.build(List.of(new BreakdownChart.Input("cell",
                new MemoryBreakdown(1_000_000, 1_000_000, 2_000_000, 6_000_000), new MemoryBreakdown(1_000_000, 0, 0, 1_000_000))));
        BreakdownChart.Bar training = view.rows().get(0).bars().get(0);
        // axis 0..10 MB over 250..790 px: 54 px per MB
        assertEquals(List.of(250.0, 304.0, 358.0, 466.0), training.segments().stream().map(BreakdownChart.Segment::x).toList());
        assertEquals(List.of(54.0, 54.0, 108.0, 324.0), training.segments().stream().map(BreakdownChart.Segment::width).toList());
        assertEquals("train 10 MB", training.total());
        assertEquals(2, view.rows().get(0).bars().get(1).segments().size(), "empty parts draw nothing");
    }
}
