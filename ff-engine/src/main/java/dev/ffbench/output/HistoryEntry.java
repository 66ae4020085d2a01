package dev.ffbench.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ffbench.io.Problem;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.SeedGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as {@code ff:history} records it: one JSON file per run in the history directory. It keeps
 * what trends need and nothing that changes shape with the engine: the commit, the dates, the
 * environment fingerprint, the verdict of the run's gates and, per cell, its id, group of seeds, status
 * and every gate metric. Its own {@code schemaVersion} changes whenever a field changes meaning or
 * disappears; a field added (as {@code gates} was) keeps it, and entries without the field still read.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind always {@link #KIND}
 * @param recordedAt when ff:history appended it (ISO-8601, UTC)
 * @param commit the git commit the project was at, or null when git or a repository was missing
 * @param generatedAt when the recorded results were written (ISO-8601, UTC): the run's date
 * @param matrixCells the size of the matrix the cells come from
 * @param fingerprint the environment the run was measured in (null when no cell passed)
 * @param cells every cell of the run, in matrix order
 * @param gates the verdict of the run's gates, or null when unknown (no verdict beside the results, or an
 *     entry recorded before history files recorded it)
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
        List<CellFigures> cells,
        Gates gates) {

    /** The history schema this plugin writes and reads. */
    public static final int SCHEMA_VERSION = 1;
    /** The kind of a history file (results are "results", baselines "baseline"). */
    public static final String KIND = "history";

    public HistoryEntry {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    /**
     * The entry for {@code results}, recorded at {@code recordedAt} for {@code commit} (may be null), with
     * the verdict of their gates ({@code gates}, null when unknown).
     */
    public static HistoryEntry of(ResultsDocument results, Gates gates, String commit, String recordedAt) {
        return new HistoryEntry(SCHEMA_VERSION, KIND, recordedAt, commit, results.generatedAt(), results.matrixCells(),
                results.fingerprint(), results.cells().stream().map(CellFigures::of).toList(), gates);
    }

    /** Whether the run's gates failed: true or false, or null when the verdict is unknown. */
    public Boolean gatesFailed() {
        return gates == null ? null : gates.failed();
    }

    /**
     * The verdict of a run's gates, as ff:benchmark or ff:check judged them: whatever failOnViolation
     * made of it, a run with a violation failed its gates.
     *
     * @param verdict {@link #PASSED} or {@link #FAILED}
     * @param violations how many gates failed: 0 when passed, at least 1 when failed
     */
    public record Gates(String verdict, Integer violations) {
        public static final String PASSED = "passed";
        public static final String FAILED = "failed";

        /** The verdict of {@code violations} failed gates. */
        public static Gates of(int violations) {
            return new Gates(violations == 0 ? PASSED : FAILED, violations);
        }

        /**
         * The verdict of {@code report}, or null when it judged no gate (a shard's report, whose gates are
         * judged on the merged results; a page of results only): no verdict is no pass.
         */
        public static Gates of(dev.ffbench.gate.GateReport report) {
            return report == null || report.outcomes().isEmpty() ? null : of(report.violations().size());
        }

        /** True when a gate failed. */
        public boolean failed() {
            return FAILED.equals(verdict);
        }

        /** "gates passed", "gates failed (2 violations)". */
        public String text() {
            return "gates " + verdict + (failed() ? " (" + violations + (violations == 1 ? " violation)" : " violations)") : "");
        }

        /**
         * What is wrong with a verdict read from a file, each naming {@code file} (e.g. "history file
         * ff-history/x.json"), the field, its value and what is allowed; empty when it is sound.
         */
        public List<Problem> problems(String file) {
            List<Problem> problems = new java.util.ArrayList<>();
            if (!PASSED.equals(verdict) && !FAILED.equals(verdict)) {
                problems.add(Problem.found(file, "has gates.verdict " + (verdict == null ? "(none)" : "'" + verdict + "'"),
                        "\"" + PASSED + "\" or \"" + FAILED + "\""));
            }
            if (violations == null || violations < 0) {
                problems.add(Problem.found(file, "has gates.violations " + (violations == null ? "(none)" : violations),
                        "a count >= 0 of the gates that failed"));
            } else if (PASSED.equals(verdict) == (violations > 0)) {
                problems.add(Problem.found(file, "has gates.verdict \"" + verdict + "\" with gates.violations " + violations,
                        "\"" + PASSED + "\" with 0 violations, or \"" + FAILED + "\" with 1 or more"));
            }
            return problems;
        }
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
