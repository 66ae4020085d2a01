package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.TestCells;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ETA weights each remaining cell by what it runs, at the rate its algorithm (else every algorithm)
 * took so far: cells and their wall times are given, nothing is timed. The data is synthetic:7:400:100
 * (400 training and 100 test images of 28x28, 10 classes), batch 256, 10 epochs, as {@link TestCells} makes.
 * A pass of a 784-64-64 net with 10 classes costs 784 x 64 + 64 x 64 + 64 x 10 = 54,912 multiply-adds.
 * Each passed cell here spent 1 s outside its training and test evaluation: the fixed time of a cell.
 */
class ProgressTest {
    private static final ExperimentSpec BASE = TestCells.spec("ff-base", 2, 64, 1);
    private static final ExperimentSpec RECURRENT = TestCells.spec("ff-recurrent", 2, 64, 1);

    private static Cell cell(int index, ExperimentSpec spec) {
        return new Cell(index, "c" + index, spec);
    }

    /** A passed cell of {@code seconds} wall time: 1 s fixed, 0.5 s of test evaluation, the rest training. */
    private static CellRecord passed(Cell cell, double seconds) {
        ExperimentResult r = TestCells.passed(cell.index(), cell.id(), cell.spec(), 1000, 1000, 0.9).result();
        ExperimentResult timed = new ExperimentResult(r.schemaVersion(), r.spec(), r.dataset(), r.trainAccuracy(),
                r.testAccuracy(), r.losses(), r.memory(), seconds - 1.5, 0.5, r.samplesPerSecond(), r.curve(),
                r.secondsToAccuracy(), r.evaluation(), r.environment(), null, null);
        return CellRecord.passed(cell, timed, seconds);
    }

    private static String lastEta(RecordingLog log) {
        String line = log.lines().get(log.lines().size() - 1);
        return line.substring(line.indexOf("; ETA ") + "; ETA ".length());
    }

    /*
     * FF Base (symba: a positive and a negative per image; softmax-all readout: one pass per prediction):
     * 10 epochs x 400 images x 2 rows x 3 + 500 predicted images x 1 = 24,500 passes.
     * FF Recurrent (8 iterations, scoreTo 5; each time step 0.3 passes): 10 x 400 x 2 x 3 x (1 + 0.3 x 8)
     * + 500 x 10 labels x (1 + 0.3 x 5) = 81,600 + 12,500 = 94,100 passes: 3.84 FF Base cells.
     */
    @Test
    void afterTheFfBaseCellsTheFfRecurrentCellsCountAsTheSlowerCellsTheyAre() {
        List<Cell> cells = List.of(cell(0, BASE), cell(1, BASE), cell(2, RECURRENT), cell(3, RECURRENT));
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress(log, cells, 1);

        progress.finished(1, passed(cells.get(0), 10));
        progress.finished(2, passed(cells.get(1), 10));

        // 2 x (1 s + 94,100 / 24,500 x 9 s) = 71.13 s; the mean of the cells done would say 0:20
        assertEquals(71.13, progress.remainingSeconds(), 0.01);
        assertEquals("1:11", lastEta(log));
    }

    @Test
    void anAlgorithmsOwnRateReplacesTheOthersOnceOneOfItsCellsIsDone() {
        List<Cell> cells = List.of(cell(0, BASE), cell(1, RECURRENT), cell(2, RECURRENT));
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress(log, cells, 1);

        progress.finished(1, passed(cells.get(0), 10));
        progress.finished(2, passed(cells.get(1), 200));

        assertEquals("3:20", lastEta(log), "the last FF Recurrent cell runs as long as the first, not 3.84 FF Base cells");
    }

    @Test
    void aCappedCellWeighsItsStepsAndADeeperWiderCellItsLayers() {
        // 1 step of 256 images per epoch, and 1 batch of each split evaluated (256 + 100 images):
        // 10 x 256 x 6 + 356 = 15,716 passes of 24,500
        Cell capped = cell(1, BASE.withTraining(10, 1));
        // depth 4, width 256: 784 x 256 + 3 x 256 x 256 + 256 x 10 = 399,872 multiply-adds a pass, 7.28 x 54,912
        Cell larger = cell(2, TestCells.spec("ff-base", 4, 256, 1));
        List<Cell> cells = List.of(cell(0, BASE), capped, larger);
        Progress progress = new Progress(new RecordingLog(), cells, 1);

        progress.finished(1, passed(cells.get(0), 10));

        // each the fixed 1 s plus its work at the 9 s the first cell's work took
        double expected = 1 + 9 * 15_716.0 / 24_500 + 1 + 9 * 399_872.0 / 54_912;
        assertEquals(expected, progress.remainingSeconds(), 1e-6);
    }

    @Test
    void cellsRunningSideBySideShareTheWallTime() {
        List<Cell> cells = List.of(cell(0, BASE), cell(1, BASE), cell(2, BASE));
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress(log, cells, 2);

        progress.finished(1, passed(cells.get(0), 30));

        assertEquals("0:30", lastEta(log), "2 cells of 30 s, 2 at a time");
    }

    @Test
    void withNoPassedCellTheEtaIsTheMeanTimeOfTheCellsDone() {
        List<Cell> cells = List.of(cell(0, BASE), cell(1, RECURRENT), cell(2, RECURRENT));
        RecordingLog log = new RecordingLog();
        Progress progress = new Progress(log, cells, 1);

        progress.finished(1, CellRecord.failed(cells.get(0), "exit code 1", List.of(), 12));

        assertEquals("0:24", lastEta(log), "a failed cell tells neither the data's size nor a rate");
        assertTrue(log.lines().get(0).startsWith("WARN cell 1/3 c0 FAILED after 12.0 s"), log.lines().get(0));
    }
}
