package dev.ffbench.output;

import dev.ffbench.gate.GateOutcome;
import dev.ffbench.gate.Verdict;
import dev.ffbench.results.CappedTraining;
import dev.ffbench.results.CellRecord;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The run's problems as GitHub Actions workflow commands on stdout ({@code ::error title=...::message},
 * {@code ::warning ...}), printed only when {@code GITHUB_ACTIONS} is "true": GitHub turns them into
 * annotations of the run, which need no token (a pull request from a fork gets them too, unlike a
 * comment or a check). Each failed cell and each gate violation is an error (an advisory violation
 * says so in its title); degenerate predictions, memory outside the ledger, capped cells and the gates'
 * warnings are warnings. They go to stdout itself, not the build log, whose "[INFO] " prefix would hide
 * them from the runner. The goals that judge gates pass it to the harness as one of its writers, so that
 * the harness's own tests, run in a GitHub workflow, annotate nothing.
 */
public final class WorkflowCommands implements OutputWriter {
    private final boolean enabled;
    private final PrintStream out;

    /**
     * @param environment reads an environment variable (null when unset); tests pass their own
     * @param out where the commands go
     */
    WorkflowCommands(Function<String, String> environment, PrintStream out) {
        this.enabled = "true".equals(environment.apply("GITHUB_ACTIONS"));
        this.out = out;
    }

    /** The commands of this process's environment, to stdout. */
    public static WorkflowCommands fromEnvironment() {
        return new WorkflowCommands(System::getenv, System.out);
    }

    /** Prints {@link #lines} when running under GitHub Actions; nothing otherwise. */
    @Override
    public void write(ReportInputs inputs) {
        if (!enabled) {
            return;
        }
        lines(inputs).forEach(out::println);
        out.flush();
    }

    /** One command per failed cell, violation and warning of the run. */
    static List<String> lines(ReportInputs inputs) {
        List<String> lines = new ArrayList<>();
        for (CellRecord cell : inputs.results().failedCells()) {
            lines.add(command("error", "FF Bench: cell " + cell.id() + " failed", String.valueOf(cell.failure())));
        }
        Verdict verdict = inputs.verdict();
        String advisory = verdict != null && verdict.advisory() ? " (advisory: failOnViolation=false)" : "";
        for (GateOutcome violation : inputs.gates().violations()) {
            lines.add(command("error", "FF Bench: " + violation.kind().key() + " gate violation" + advisory + ": "
                    + violation.name(), violation.detail()));
        }
        List<String> capped = new ArrayList<>();
        for (CellRecord cell : inputs.results().passedCells()) {
            // degenerate predictions, memory outside the ledger and dead units are gate warnings (below), worded as in the log
            if (cell.result().isCapped()) {
                capped.add(cell.id());
            }
        }
        if (!capped.isEmpty()) {
            lines.add(command("warning", "FF Bench: " + capped.size() + (capped.size() == 1 ? " cell" : " cells")
                    + " trained on capped steps", "capped: " + CappedTraining.EXPLANATION + ": " + String.join(", ", capped)));
        }
        inputs.gates().warnings().forEach(warning -> lines.add(command("warning", "FF Bench", warning)));
        return lines;
    }

    /** {@code ::kind title=TITLE::MESSAGE}, each part escaped as GitHub requires. */
    static String command(String kind, String title, String message) {
        return "::" + kind + " title=" + escapeProperty(title) + "::" + escapeData(message);
    }

    /** A command's message: % as %25, CR as %0D, LF as %0A (GitHub would end the command at a line break). */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as {@link #escapeData}, and also ':' as %3A and ',' as %2C (the separators). */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
