package dev.ffbench.output;

import dev.ffbench.gate.GateReport;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import java.io.IOException;

/**
 * Something more the harness writes after judging the gates and before any gate fails the build:
 * the HTML report (reports-template implements this; the engine does not depend on it).
 */
@FunctionalInterface
public interface OutputWriter {
    /** Writes from the results and the gate judgement alone. */
    void write(ResultsDocument results, GateReport gates, OutputLayout layout) throws IOException;

    /**
     * Writes from everything the harness knows after judging the gates (the baseline in use, the
     * comparison with it, the history); the harness calls this one. By default the results and gates only.
     */
    default void write(ReportInputs inputs) throws IOException {
        write(inputs.results(), inputs.gates(), inputs.layout());
    }
}
