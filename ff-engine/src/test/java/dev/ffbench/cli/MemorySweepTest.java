package dev.ffbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PhaseMemory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memory sweep: measured rows are the engine's training peaks, derived rows (marked *) are what a
 * measurement at that depth gives, to the byte, and growth that is not constant derives nothing.
 */
class MemorySweepTest {
    private static final String DATASET = "synthetic:7:400:100";

    /** The training peak of one column's cell, as the sweep configures it. */
    private static long peak(String algorithm, String optimizer, int depth, int batchSize) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("algorithm", algorithm, "optimizer", optimizer,
                "depth", Integer.toString(depth), "batchSize", Integer.toString(batchSize), "width", "16",
                "dataset", DATASET, "epochs", "1", "maxStepsPerEpoch", "1"));
        if (algorithm.equals("ff-base")) {
            fields.put("readout", "goodness");
        }
        return PhaseMemory.peakOf(ExperimentRunner.engine().trainingMemory(SpecResolver.engine().resolve(fields))).totalBytes();
    }

    private static List<Long> measuredRow(int depth) {
        return List.of(peak("backprop", "adam", depth, 50), peak("backprop-checkpointed", "adam", depth, 50),
                peak("backprop-layerwise-update", "sgd", depth, 50), peak("ff-base", "adam", depth, 25),
                peak("ff-base", "sgd", depth, 25));
    }

    private static String cell(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    /**
     * Depths 2 and 3 measured, 5 derived: at depth 5 checkpointing switches from k = 1 to k = 2, so its
     * derived peak counts kept arrays, not layers; every derived figure equals a depth-5 measurement.
     */
    @Test
    void derivedRowsEqualWhatAMeasurementGivesAndAreMarked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true));
            exit = FfEngineCli.execute("memory-sweep", "--depths", "2,3,5", "--measure", "2,3", "--width", "16",
                    "--ff-positives", "25", "--backprop-rows", "50", "--set", "dataset=" + DATASET);
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        List<String> lines = out.toString().lines().toList();
        assertEquals("| depth | backprop (B) | backprop-checkpointed (B) | backprop-layerwise-update, SGD (B) | FF Base (B) |"
                + " FF Base, SGD (B) | FF / backprop | FF / checkpointed | FF SGD / layerwise-update SGD | s per epoch:"
                + " backprop / backprop-checkpointed / backprop-layerwise-update, SGD / FF Base / FF Base, SGD |", lines.get(0));
        assertEquals(5, lines.size());
        for (int i = 0; i < 3; i++) {
            int depth = new int[] {2, 3, 5}[i];
            List<Long> expected = measuredRow(depth);
            String[] cells = lines.get(2 + i).split("\\|");
            assertEquals(depth == 5 ? " 5 * " : " " + depth + " ", cells[1]);
            assertEquals(" " + cell(expected.get(0)) + " ", cells[2], "depth " + depth);
            assertEquals(" " + cell(expected.get(1)) + " (k " + (depth == 5 ? 2 : 1) + ") ", cells[3], "depth " + depth);
            for (int c = 2; c < 5; c++) {
                assertEquals(" " + cell(expected.get(c)) + " ", cells[2 + c], "depth " + depth + " column " + c);
            }
            assertEquals(String.format(Locale.ROOT, " %.3f ", (double) expected.get(3) / expected.get(0)), cells[7]);
            assertEquals(String.format(Locale.ROOT, " %.3f ", (double) expected.get(3) / expected.get(1)), cells[8]);
            assertEquals(String.format(Locale.ROOT, " %.3f ", (double) expected.get(4) / expected.get(2)), cells[9]);
            assertTrue(depth == 5 ? cells[10].equals(" - ") : cells[10].matches("( \\d+ /){4} \\d+ "), cells[10]);
        }
    }

    @Test
    void growthThatIsNotConstantDerivesNothing() {
        MemorySweepTable table = new MemorySweepTable(List.of(new MemorySweepTable.Column("backprop", "backprop", "adam",
                d -> d)), List.of());
        table.add(2, List.of(new MemorySweepTable.Measured(new MemoryBreakdown(100, 100, 200, 1000), 1)));
        table.add(3, List.of(new MemorySweepTable.Measured(new MemoryBreakdown(110, 110, 220, 1100), 1)));
        table.add(5, List.of(new MemorySweepTable.Measured(new MemoryBreakdown(130, 130, 260, 1400), 1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> table.peaks(new ArrayList<>(List.of(2, 3, 5, 7))));
        assertEquals("backprop: the working set per kept activation array between measured depths 3 and 5 is 150 B, not"
                + " 100 B as between the depths below; no row is derived from growth that is not constant", e.getMessage());
    }

    @Test
    void oneMeasuredDepthCannotDeriveAnother() {
        int exit = FfEngineCli.execute("memory-sweep", "--depths", "2,7", "--measure", "2", "--width", "16");
        assertEquals(2, exit, "a bad command line, refused before any cell trains");
    }
}
