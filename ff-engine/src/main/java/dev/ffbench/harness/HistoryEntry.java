package dev.ffbench.harness;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ffbench.gate.Metric;
import dev.ffbench.gate.SeedGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as {@code ff:history} records it: one JSON file per run in the history directory. It keeps
 * what trends need and nothing that changes shape with the engine: the commit, the dates, the
 * environment fingerprint and, per cell, its id, group of seeds, status and every gate metric. Its
 * own {@code schemaVersion} changes whenever a field changes meaning or disappears.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind always {@link #KIND}
 * @param recordedAt when ff:history appended it (ISO-8601, UTC)
 * @param commit the git commit the project was at, or null when git or a repository was missing
 * @param generatedAt when the recorded results were written (ISO-8601, UTC): the run's date
 * @param matrixCells the size of the matrix the cells come from
 * @param fingerprint the environment the run was measured in (null when no cell passed)
 * @param cells every cell of the run, in matrix order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        int schemaVersion,
        String kind,
        String recordedAt,
        String commit,
        String generatedAt,
        int matrixCells,
        EnvironmentFingerprint fingerprint,
        List<CellFigures> cells) {

    /** The history schema this plugin writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    /** The kind of a history file (results are "results", baselines "baseline"). */
    public static final String KIND = "history";

    public HistoryEntry {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    /** The entry for {@code results}, recorded at {@code recordedAt} for {@code commit} (may be null). */
    public static HistoryEntry of(ResultsDocument results, String commit, String recordedAt) {
        return new HistoryEntry(SCHEMA_VERSION, KIND, recordedAt, commit, results.generatedAt(), results.matrixCells(),
                results.fingerprint(), results.cells().stream().map(CellFigures::of).toList());
    }

    /** The commit's first 7 characters, or "no commit". */
    public String shortCommit() {
        return commit == null || commit.isBlank() ? "no commit" : commit.substring(0, Math.min(7, commit.length()));
    }

    /**
     * One cell of a recorded run.
     *
     * @param id the cell id
     * @param group the id without the seed: cells of one group differ only in their seed
     * @param seed the seed
     * @param status passed or failed
     * @param metrics every gate metric by its key (trainingPeakBytes, ...) that has a finite value; empty for a
     *     failed cell
     */
    public record CellFigures(String id, String group, long seed, String status, Map<String, Double> metrics) {

        public CellFigures {
            metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        static CellFigures of(CellRecord cell) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (cell.isPassed()) {
                for (Metric metric : Metric.values()) {
                    double value = metric.of(cell.result());
                    // JSON has no NaN or infinity: a time to accuracy not measured or never reached is left out
                    if (Double.isFinite(value)) {
                        metrics.put(metric.key(), value);
                    }
                }
            }
            return new CellFigures(cell.id(), SeedGroups.groupId(cell), cell.spec().seed(), cell.status(), metrics);
        }

        /** The metric's value, or null when the cell failed or the entry predates the metric. */
        public Double metric(Metric metric) {
            return metrics.get(metric.key());
        }

        /** True when the cell passed and has figures. */
        public boolean passed() {
            return CellRecord.PASSED.equals(status) && !metrics.isEmpty();
        }
    }
}
