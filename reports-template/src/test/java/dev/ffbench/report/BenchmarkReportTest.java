package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.gate.GateKind;
import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.GateReport;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

    @Test
    void listsFailedGatesFirstAndEveryCellWithEscapedText() {
        ExperimentSpec spec = ExperimentSpec.defaults();
        CellRecord failed = CellRecord.failed(new Cell(0, "ff-base-sum-squares-d2-w500-s1", spec),
                "the JVM exited with code 134: <boom>", List.of("<boom>"), 2.0);
        ResultsDocument results = ResultsDocument.results("2026-01-01T00:00:00Z", 1, List.of(), List.of(failed));
        GateReport gates = new GateReport(List.of(
                new GateOutcome(GateKind.ABSOLUTE, "a-cell", Metric.TEST_ACCURACY, "at least 50.00 %", 0.6, null,
                        GateOutcome.Status.PASSED, "[absolute] a-cell passed"),
                new GateOutcome(GateKind.BASELINE, "b-cell", Metric.TRAINING_PEAK_BYTES, "at most +0.00 % over the baseline",
                        2.0, 1.0, GateOutcome.Status.FAILED, "[baseline] b-cell grew")), List.of("a warning"));

        String html = new BenchmarkReport().render(Inputs.of(results, gates));

        assertTrue(html.contains("1 cells of a 1-cell matrix: 0 passed, 1 failed."), html);
        assertTrue(html.contains("Gates: FAILED (2 gates: 1 passed, 1 failed, 0 skipped)."), html);
        assertTrue(html.indexOf("[baseline] b-cell grew") < html.indexOf("[absolute] a-cell passed"), "failures first");
        assertTrue(html.contains("<span>the JVM exited with code 134: &lt;boom&gt;</span>"), html);
        assertFalse(html.contains("<boom>"), "text is escaped");
        assertTrue(html.contains("<p class=\"warn\">a warning</p>"), html);
        assertTrue(html.contains("No baseline"), html);
        assertFalse(html.contains("id=\"breakdown\""), "no passed cell, no breakdown chart");
    }
}
