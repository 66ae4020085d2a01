package dev.ffbench.fork;

import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CappedTraining;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The console lines of a run: "cell i/n" with what runs, its headline figures when done, and an
 * ETA. The ETA weights each remaining cell by what it runs ({@link CellWork}: algorithm, depth, width,
 * steps, evaluation passes) at the seconds per unit of work its algorithm took in the cells done so far,
 * or, for an algorithm with no cell done yet, the rate of all cells done: FF Recurrent's cells, 10-30x
 * slower than FF Base's, are not counted as FF Base's after those ran first. Every cell also costs a fixed
 * time (its JVM's start, the data, the training split's evaluation of a small cell), learnt as the least a
 * passed cell spent outside its training and test evaluation; without it the small capped cells' start-up
 * would be read as work and multiplied into the large cells' estimates.
 */
final class Progress {
    private final HarnessLog log;
    private final List<Cell> cells;
    private final int total;
    private final int parallelCells;
    private final Set<Integer> finishedIndexes = new LinkedHashSet<>();
    private double finishedSeconds;
    /** The data each dataset's cells ran on, from their results: sizes the remaining cells' work. */
    private final Map<String, DatasetSummary> data = new HashMap<>();
    private DatasetSummary lastData;
    /** Per algorithm: {seconds, work, cells} of its passed cells. */
    private final Map<String, double[]> rates = new HashMap<>();
    private final double[] allRate = new double[3];
    /** The fixed seconds of a cell: the least a passed cell spent outside training and the test evaluation. */
    private double cellOverhead = Double.POSITIVE_INFINITY;

    Progress(HarnessLog log, List<Cell> cells, int parallelCells) {
        this.log = log;
        this.cells = List.copyOf(cells);
        this.total = cells.size();
        this.parallelCells = parallelCells;
    }

    synchronized void started(int position, Cell cell) {
        var spec = cell.spec();
        log.info(String.format(Locale.ROOT, "cell %d/%d %s: %s, depth %d, width %d%s, %s, %d epoch%s, batch %d, seed %d",
                position, total, cell.id(), spec.algorithm(), spec.depth(), spec.width(),
                spec.goodness() != null ? ", " + spec.goodness() : "", spec.dataset(), spec.epochs(),
                spec.epochs() == 1 ? "" : "s", spec.batchSize(), spec.seed()));
    }

    synchronized void finished(int position, CellRecord record) {
        finishedIndexes.add(record.index());
        finishedSeconds += record.wallSeconds();
        calibrate(record);
        String head = String.format(Locale.ROOT, "cell %d/%d %s ", position, total, record.id());
        String figures;
        if (record.isPassed()) {
            var result = record.result();
            figures = String.format(Locale.ROOT, "done in %.1f s: test accuracy %s%s, training peak %s, evaluation peak %s, %s",
                    record.wallSeconds(), Metric.TEST_ACCURACY.format(result.testAccuracy()), CappedTraining.note(result),
                    Metric.TRAINING_PEAK_BYTES.format(Metric.TRAINING_PEAK_BYTES.of(result)),
                    Metric.EVALUATION_PEAK_BYTES.format(Metric.EVALUATION_PEAK_BYTES.of(result)),
                    Metric.SAMPLES_PER_SECOND.format(result.samplesPerSecond()));
        } else {
            figures = String.format(Locale.ROOT, "FAILED after %.1f s: %s", record.wallSeconds(), record.failure());
        }
        String eta = finishedIndexes.size() == total ? "" : "; ETA " + clock(remainingSeconds());
        String outside = record.isPassed() && record.result().memory().isHeapOutsideLedger()
                ? "; " + record.result().memory().outsideLedgerNote() : "";
        String dead = record.isPassed() && record.result().hasDeadUnits()
                ? "; DEAD UNITS: " + record.result().deadUnitsText() : "";
        if (record.isPassed() && record.result().isDegenerate()) {
            log.warn(head + figures + eta + outside + "; DEGENERATE predictions: "
                    + String.join("; ", record.result().evaluation().degenerate()));
        } else if (!outside.isEmpty() || !dead.isEmpty()) {
            log.warn(head + figures + eta + outside + dead);
        } else if (record.isPassed()) {
            log.info(head + figures + eta);
        } else {
            log.warn(head + figures + eta);
        }
    }

    /** Learns the data and the seconds per unit of work from a passed cell (a failed one ran an unknown part of its work). */
    private void calibrate(CellRecord record) {
        if (!record.isPassed() || record.result().dataset() == null) {
            return;
        }
        DatasetSummary summary = record.result().dataset();
        data.put(record.spec().dataset(), summary);
        lastData = summary;
        double work = CellWork.of(record.spec(), summary);
        double[] rate = rates.computeIfAbsent(record.spec().algorithm(), a -> new double[3]);
        for (double[] sums : List.of(rate, allRate)) {
            sums[0] += record.wallSeconds();
            sums[1] += work;
            sums[2]++;
        }
        var result = record.result();
        cellOverhead = Math.min(cellOverhead, Math.max(0, record.wallSeconds() - result.trainSeconds() - result.evalSeconds()));
    }

    /**
     * The wall time the cells not yet finished should take, {@code parallelCells} at a time: each one's fixed
     * time plus its work at its algorithm's rate (else all cells' rate); the mean time of a finished cell each while no passed
     * cell has told the data's size or a rate.
     */
    synchronized double remainingSeconds() {
        List<Cell> remaining = cells.stream().filter(c -> !finishedIndexes.contains(c.index())).toList();
        if (lastData == null || allRate[1] <= 0) {
            return finishedIndexes.isEmpty() ? 0 : finishedSeconds / finishedIndexes.size() * remaining.size() / parallelCells;
        }
        double seconds = 0;
        for (Cell cell : remaining) {
            double work = CellWork.of(cell.spec(), data.getOrDefault(cell.spec().dataset(), lastData));
            double[] rate = rates.getOrDefault(cell.spec().algorithm(), allRate);
            seconds += cellOverhead + work * Math.max(0, rate[0] - rate[2] * cellOverhead) / rate[1];
        }
        return seconds / parallelCells;
    }

    /** "1:05", "0:07". */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
