package dev.ffbench.harness;

import dev.ffbench.gate.GateReport;
import java.io.IOException;

/**
 * Something more the harness writes after judging the gates and before any gate fails the build:
 * the HTML report (reports-template implements this; the engine does not depend on it).
 */
@FunctionalInterface
public interface OutputWriter {
    void write(ResultsDocument results, GateReport gates, OutputLayout layout) throws IOException;
}
