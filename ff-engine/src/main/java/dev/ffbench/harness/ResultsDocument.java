package dev.ffbench.harness;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The versioned results contract ({@code target/ff-benchmark/results.json}) and, with kind
 * "baseline", the baseline file. {@code schemaVersion} changes whenever a field changes meaning or
 * disappears, so CI scripts reading it can tell. {@code matrixCells} is the size of the whole
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

    public static final int SCHEMA_VERSION = 2;
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
}
