package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The warnings the gates raise about a passed cell whose figures mislead (degenerate predictions, memory
 * outside the ledger, dead units), worded once ({@link Degenerate}) for every output: the log, summary.md,
 * the report and the JUnit XML's test case of the cell.
 */
public final class CellWarnings {
    /** Each kind of warning, in the order the gate report lists them; null when it does not apply. */
    private static final List<Function<CellRecord, String>> KINDS =
            List.of(Degenerate::warning, Degenerate::outsideLedgerWarning, Degenerate::deadUnitsWarning);

    private CellWarnings() {}

    /** The warnings about {@code cell}, in the gate report's order; empty for a sound or failed cell. */
    public static List<String> of(CellRecord cell) {
        return KINDS.stream().map(kind -> kind.apply(cell)).filter(Objects::nonNull).toList();
    }

    /** Every cell's warnings kind by kind (every degenerate cell first), as the gate report lists them. */
    static List<String> all(List<CellRecord> cells) {
        List<String> warnings = new ArrayList<>();
        for (Function<CellRecord, String> kind : KINDS) {
            cells.stream().map(kind).filter(Objects::nonNull).forEach(warnings::add);
        }
        return warnings;
    }
}
