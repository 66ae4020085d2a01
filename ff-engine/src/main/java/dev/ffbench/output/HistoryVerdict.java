package dev.ffbench.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ffbench.gate.GateReport;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Json;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of a run's gates, written beside its results ({@value #FILE} in the output directory) by
 * ff:benchmark and ff:check: ff:history reads only results, and records from here whether the run's
 * gates failed. The file names the results it judged by their {@code generatedAt}, so that a verdict
 * beside other results (a later run's results copied over, a run that ended before writing its verdict)
 * is not taken for theirs.
 *
 * @param kind always {@link #KIND}
 * @param generatedAt the {@code generatedAt} of the results judged
 * @param gates the verdict
 */
public record HistoryVerdict(String kind, String generatedAt, HistoryEntry.Gates gates) {
    /** The file's name, beside results.json. */
    public static final String FILE = OutputLayout.GATES_FILE;
    static final String KIND = "gates";

    /**
     * Writes the verdict of the inputs' gates ({@link #write}); not named in the harness's "wrote ..." line,
     * which names what a reader opens, not the history's bookkeeping.
     */
    public static final OutputWriter WRITER = inputs -> write(inputs.layout(), inputs.results(), inputs.gates());

    private static final String ALLOWED = "the " + FILE + " that ff:benchmark or ff:check writes beside results.json"
            + " (JSON with kind \"" + KIND + "\", generatedAt and gates); delete it to record the run with its gates'"
            + " verdict unknown";

    /**
     * Writes the verdict of {@code gates} on {@code results} into the output directory. Results that lack
     * part of the matrix (a shard, whose gates ff:check judges on the merged results) or that no gate
     * judged get none, and an earlier run's is removed: they have no verdict of their own.
     */
    public static void write(OutputLayout layout, ResultsDocument results, GateReport gates) throws IOException {
        Path file = layout.gates();
        HistoryEntry.Gates verdict = HistoryEntry.Gates.of(gates);
        if (!results.isComplete() || !results.shards().isEmpty() || verdict == null) {
            Files.deleteIfExists(file);
            return;
        }
        AtomicFiles.write(file, Json.write(new HistoryVerdict(KIND, results.generatedAt(), verdict)));
    }

    /**
     * The verdict of {@code results}, read from beside the one results file they came from; null, with a
     * line in the log saying why, when it is unknown: several files (shards merged here, never judged
     * as a whole), no verdict file, or a verdict of other results. A verdict file that is not one is an
     * error naming it.
     */
    public static HistoryEntry.Gates read(List<Path> resultsFiles, ResultsDocument results, ProjectPaths paths, HarnessLog log) {
        if (resultsFiles.size() != 1) {
            log.info("history: the gates' verdict is recorded as unknown: " + resultsFiles.size() + " results files"
                    + " are merged here, and no run judged their gates as a whole (record the results.json ff:check"
                    + " wrote from them to record its verdict)");
            return null;
        }
        Path file = resultsFiles.get(0).toAbsolutePath().normalize().resolveSibling(FILE);
        String shown = paths.show(file);
        if (!Files.isRegularFile(file)) {
            log.info("history: no " + shown + " beside the results, so the gates' verdict is recorded as unknown (it is"
                    + " written by ff:benchmark and ff:check from this plugin version on)");
            return null;
        }
        JsonNode tree;
        HistoryVerdict verdict;
        try {
            tree = Json.mapper().readTree(file.toFile());
            verdict = tree == null || !tree.isObject() ? null : Json.mapper().treeToValue(tree, HistoryVerdict.class);
        } catch (IOException e) {
            HarnessException invalid = new HarnessException(Problem.found("gates verdict " + shown, "is not valid ("
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()) + ")", ALLOWED));
            invalid.initCause(e);
            throw invalid;
        }
        if (verdict == null) {
            throw new HarnessException(Problem.found("gates verdict " + shown, "holds no JSON object", ALLOWED));
        }
        String thing = "gates verdict " + shown;
        List<Problem> problems = new ArrayList<>();
        if (!KIND.equals(verdict.kind())) {
            problems.add(Problem.found(thing, "has kind " + (verdict.kind() == null ? "(none)" : "'" + verdict.kind() + "'"),
                    ALLOWED));
        }
        if (verdict.generatedAt() == null) {
            problems.add(Problem.found(thing, "has no generatedAt", ALLOWED));
        }
        if (verdict.gates() == null) {
            problems.add(Problem.found(thing, "has no gates", ALLOWED));
        } else {
            problems.addAll(verdict.gates().problems(thing));
        }
        if (!problems.isEmpty()) {
            throw new HarnessException(problems.stream().map(Problem::message).toList(), problems);
        }
        if (!verdict.generatedAt().equals(results.generatedAt())) {
            log.warn("history: " + shown + " judged the results of " + verdict.generatedAt() + ", not these (of "
                    + results.generatedAt() + "), so the gates' verdict is recorded as unknown");
            return null;
        }
        return verdict.gates();
    }
}
