package dev.ffbench.output;

import dev.ffbench.results.OutputLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One format of a judged run, written from the same {@link ReportInputs} (the same gates, comparison and
 * verdict) as every other: summary.md ({@link SummaryWriter}), the JUnit XML ({@link JUnitXmlWriter}), the
 * gates' verdict for the history ({@link HistoryVerdict#WRITER}), the HTML report (reports-template; the
 * engine does not depend on it) and the workflow commands ({@link WorkflowCommands}). A writer only words
 * what the inputs decided; it judges nothing itself.
 */
@FunctionalInterface
public interface OutputWriter {
    /** Writes this format of {@code inputs}. */
    void write(ReportInputs inputs) throws IOException;

    /**
     * The file this writer writes in {@code layout} that the harness names when it says what it wrote
     * ("wrote results.json, summary.md, ..."); empty for a writer whose output is not named there (stdout,
     * the history's bookkeeping).
     */
    default Optional<Path> namedFile(OutputLayout layout) {
        return Optional.empty();
    }
}
