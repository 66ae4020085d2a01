package dev.ffbench.gate;

import dev.ffbench.dataset.DatasetFingerprint;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import java.util.List;
import java.util.Objects;

/**
 * Whether a baseline cell was measured on the same data as the cell it is compared with: the content hashes
 * of their datasets (the decoded images and labels; the same data under other file names, gzipped or as CSV
 * has the same hash). A matched cell measured on other data is refused, not compared: its baseline gates
 * fail with both fingerprints and the command that re-records the baseline, and the accuracy and speed of
 * its seed group are skipped. A baseline recorded before results had a fingerprint is compared, with a
 * warning that its data cannot be checked.
 */
final class BaselineData {
    private BaselineData() {}

    /** Whether both cells record their data's content hash and the hashes differ. */
    static boolean differs(CellRecord now, CellRecord baseline) {
        String hashNow = hash(now);
        String hashThen = hash(baseline);
        return hashNow != null && hashThen != null && !hashNow.equals(hashThen);
    }

    /** Adds the failed outcome of a cell whose baseline cell was measured on other data; true when it did. */
    static boolean refused(CellRecord cell, CellRecord old, List<GateOutcome> outcomes) {
        if (!differs(cell, old)) {
            return false;
        }
        String bound = "measured on the same data as the baseline";
        outcomes.add(new GateOutcome(GateKind.BASELINE, cell.id(), null, bound, null, null, GateOutcome.Status.FAILED,
                "[baseline] " + cell.id() + ": " + otherData(cell, old) + ", so its memory and accuracy are not compared;"
                        + " allowed: a baseline of the same data"));
        return true;
    }

    /**
     * "measured on other data than its baseline cell (dataset 'x' sha256:0123456789ab (4 files, 1,000 B) now,
     * 'x' sha256:fedcba987654 (4 files, 1,000 B) in the baseline)", for cells that {@link #differs}.
     */
    static String otherData(CellRecord cell, CellRecord old) {
        return "measured on other data than its baseline cell (dataset " + describe(cell) + " now, " + describe(old)
                + " in the baseline)";
    }

    /** The skipped outcome of a seed group's {@code metric} when any of its cells was refused. */
    static GateOutcome skipped(String group, Metric metric) {
        return new GateOutcome(GateKind.BASELINE, group, metric, "compared with a baseline of the same data", null, null,
                GateOutcome.Status.SKIPPED, "[baseline] " + group + ": " + metric.key() + " not compared: the baseline"
                        + " was measured on other data (see the cells' [baseline] failures)");
    }

    /** Whether any cell of {@code group} was measured on other data than its baseline cell of the same id. */
    static boolean anyDiffers(List<CellRecord> group, List<CellRecord> baseline) {
        for (CellRecord cell : group) {
            for (CellRecord old : baseline) {
                if (old.id().equals(cell.id()) && differs(cell, old)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A warning when matched baseline cells record no fingerprint (written before results recorded their data)
     * while the current cells do, or null.
     */
    static String unknownWarning(List<CellRecord> cells, List<CellRecord> baseline) {
        long unknown = cells.stream().filter(CellRecord::isPassed).filter(cell -> hash(cell) != null)
                .filter(cell -> baseline.stream().anyMatch(b -> b.isPassed() && b.id().equals(cell.id()) && hash(b) == null))
                .count();
        if (unknown == 0) {
            return null;
        }
        return unknown + (unknown == 1 ? " baseline cell records" : " baseline cells record") + " no dataset fingerprint"
                + " (recorded by an earlier ff-maven-plugin): whether the baseline was measured on the same data cannot"
                + " be checked; re-record it with mvn ff:baseline";
    }

    private static String hash(CellRecord cell) {
        DatasetSummary data = cell.result() == null ? null : cell.result().dataset();
        return data == null || data.fingerprint() == null ? null : data.fingerprint().contentHash();
    }

    /** "'idx:data/fashion' sha256:0123456789ab (4 files, 30,878,551 B)". */
    private static String describe(CellRecord cell) {
        DatasetFingerprint fingerprint = Objects.requireNonNull(cell.result().dataset().fingerprint());
        return "'" + cell.spec().dataset() + "' " + fingerprint.brief();
    }
}
