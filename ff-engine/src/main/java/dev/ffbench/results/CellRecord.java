package dev.ffbench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.matrix.Cell;
import java.util.List;

/**
 * What one cell produced: the engine's result when it passed, or the reason and the tail of its
 * log when its JVM failed, crashed, ran out of memory or timed out. {@code wallSeconds} includes
 * the JVM start; it is reported, never gated. {@code code} fingerprints the classes the cell's JVM ran
 * ({@link CodeFingerprint}; null when unknown), so that a resumed run keeps no cell of other code. The cell's spec is written once, as {@code spec}: its
 * result is written without one and read back with the cell's (results schema 3; a schema-2 file's
 * copy inside the result, always equal, is ignored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellRecord(
        int index,
        String id,
        ExperimentSpec spec,
        String status,
        @JsonIgnoreProperties("spec") ExperimentResult result,
        String failure,
        List<String> logTail,
        double wallSeconds,
        String code) {

    /** A record of unknown code (written before results recorded it, or built by hand). */
    public CellRecord(int index, String id, ExperimentSpec spec, String status, ExperimentResult result, String failure,
            List<String> logTail, double wallSeconds) {
        this(index, id, spec, status, result, failure, logTail, wallSeconds, null);
    }

    public CellRecord {
        if (result != null && spec != null && result.spec() == null) {
            result = result.withSpec(spec);
        }
    }

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";

    public static CellRecord passed(Cell cell, ExperimentResult result, double wallSeconds) {
        return new CellRecord(cell.index(), cell.id(), cell.spec(), PASSED, result, null, null, wallSeconds);
    }

    public static CellRecord failed(Cell cell, String failure, List<String> logTail, double wallSeconds) {
        return new CellRecord(cell.index(), cell.id(), cell.spec(), FAILED, null, failure, List.copyOf(logTail), wallSeconds);
    }

    /** This record of a cell run by the code {@code fingerprint} names ({@link CodeFingerprint}). */
    public CellRecord withCode(String fingerprint) {
        return new CellRecord(index, id, spec, status, result, failure, logTail, wallSeconds, fingerprint);
    }

    @JsonIgnore
    public boolean isPassed() {
        return PASSED.equals(status) && result != null;
    }
}
