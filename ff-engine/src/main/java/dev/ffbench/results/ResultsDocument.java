package dev.ffbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The versioned results contract ({@code target/ff-benchmark/results.json}) and, with kind
 * "baseline", the baseline file. {@code schemaVersion} changes whenever a field changes meaning or
 * disappears, so CI scripts reading it can tell: 3 stores each cell's spec once (a cell's result has
 * none), 2 also kept a copy inside each result and still reads. {@code matrixCells} is the size of the whole
 * matrix, {@code shards} which parts of it these cells are ("1/2"; empty for an unsharded run),
 * {@code fingerprint} the environment of the first passed cell.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultsDocument(
        int schemaVersion,
        String kind,
        String generatedAt,
        int matrixCells,
        List<String> shards,
        EnvironmentFingerprint fingerprint,
        List<CellRecord> cells) {

    public static final int SCHEMA_VERSION = 3;
    /** The oldest schema this plugin still reads: 2 differs from 3 only by a copy of each cell's spec in its result. */
    public static final int OLDEST_READABLE_SCHEMA_VERSION = 2;
    public static final String RESULTS = "results";
    public static final String BASELINE = "baseline";

    public ResultsDocument {
        shards = shards == null ? List.of() : List.copyOf(shards);
        cells = cells == null ? List.of() : List.copyOf(cells);
    }

    public static ResultsDocument results(String generatedAt, int matrixCells, List<String> shards, List<CellRecord> cells) {
        return new ResultsDocument(SCHEMA_VERSION, RESULTS, generatedAt, matrixCells, shards,
                EnvironmentFingerprint.of(cells), cells);
    }

    public List<CellRecord> passedCells() {
        return cells.stream().filter(CellRecord::isPassed).toList();
    }

    public List<CellRecord> failedCells() {
        return cells.stream().filter(cell -> !cell.isPassed()).toList();
    }

    /** Whether these cells are the whole matrix (not one shard, or some shards, of it). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isComplete() {
        return cells.size() >= matrixCells;
    }

    /**
     * How much of the matrix these cells are: "1 of the matrix's 2 cells (shard 1/2; missing: shard 2/2)",
     * or "4 of the matrix's 4 cells".
     */
    public String coverage() {
        String counts = cells.size() + " of the matrix's " + matrixCells + (matrixCells == 1 ? " cell" : " cells");
        if (isComplete() || shards.isEmpty()) {
            return counts;
        }
        List<String> missing = missingShards();
        return counts + " (" + (shards.size() == 1 ? "shard " : "shards ") + String.join(", ", shards)
                + (missing.isEmpty() ? "" : "; missing: " + (missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing))
                + ")";
    }

    /** The shards "i/n" of the matrix that these results lack; empty when the shards do not say (or none is missing). */
    public List<String> missingShards() {
        java.util.Set<Integer> present = new java.util.TreeSet<>();
        Integer count = null;
        for (String shard : shards) {
            String[] parts = shard.split("/");
            if (parts.length != 2) {
                return List.of(); // not i/n: nothing can be said
            }
            try {
                int n = Integer.parseInt(parts[1].trim());
                if (count != null && count != n) {
                    return List.of();
                }
                count = n;
                present.add(Integer.parseInt(parts[0].trim()));
            } catch (RuntimeException e) {
                return List.of(); // not i/n: nothing can be said
            }
        }
        if (count == null) {
            return List.of();
        }
        List<String> missing = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!present.contains(i)) {
                missing.add(i + "/" + count);
            }
        }
        return missing;
    }
}
