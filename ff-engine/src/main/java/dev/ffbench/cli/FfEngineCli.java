package dev.ffbench.cli;

import dev.ffbench.experiment.ExitGuard;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -cp ... dev.ffbench.cli.FfEngineCli run|benchmark|memory-sweep|list ...}.
 * Exit codes: 0 done; 2 the input cannot run (a bad spec, dataset or extension), with one message;
 * 1 the run failed (training diverged, the model broke the memory ledger or threw), with the
 * algorithm's stack trace before the message so that a cell's log tail shows where it failed. A forked
 * cell's {@code run --failure FILE} also writes the failure's kind, message and whole stack there ({@link RunFailure}),
 * which the harness reads instead of the log.
 */
@Command(
        name = "ff-engine",
        mixinStandardHelpOptions = true,
        description = "FF Bench engine: train and measure Forward-Forward and backprop on ND4J.",
        subcommands = {RunCommand.class, BenchmarkCommand.class, MemorySweepCommand.class, ListCommand.class})
public final class FfEngineCli {

    /**
     * Runs a command and exits with its code. A forked cell ({@code -Dff.parentPid} set by the harness)
     * first starts its {@link ParentWatchdog}, so it ends by itself if the build that forked it dies.
     */
    public static void main(String[] args) {
        ParentWatchdog.startIfRequested();
        int code;
        // a project's code that ends this JVM is named, never taken for a run that wrote no result
        try (ExitGuard guard = ExitGuard.open("the run", "its JVM ran the cell", System.err)) {
            code = execute(args);
        }
        // processes a project's code started die with the cell, as on a timeout or an interruption
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        System.exit(code);
    }

    static int execute(String... args) {
        return new CommandLine(new FfEngineCli())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    RunFailure.Kind kind = RunFailure.of(exception).kind();
                    if (kind != RunFailure.Kind.REJECTED && kind != RunFailure.Kind.DIVERGED) {
                        StackTraces.printUserPart(exception.getCause() != null ? exception.getCause() : exception,
                                commandLine.getErr());
                    }
                    commandLine.getErr().println("ff-engine: " + exception.getMessage());
                    return kind.exitCode();
                })
                .execute(args);
    }
}
