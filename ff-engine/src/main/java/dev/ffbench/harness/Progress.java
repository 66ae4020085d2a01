package dev.ffbench.harness;

import dev.ffbench.gate.Metric;
import java.util.Locale;

/**
 * The console lines of a run: "cell i/n" with what runs, its headline figures when done, and an
 * ETA from the mean wall time of the cells finished so far.
 */
final class Progress {
    private final HarnessLog log;
    private final int total;
    private final int parallelCells;
    private int finished;
    private double finishedSeconds;

    Progress(HarnessLog log, int total, int parallelCells) {
        this.log = log;
        this.total = total;
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
        finished++;
        finishedSeconds += record.wallSeconds();
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
        String eta = finished == total ? "" : "; ETA " + clock(finishedSeconds / finished * (total - finished) / parallelCells);
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

    /** "1:05", "0:07". */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
