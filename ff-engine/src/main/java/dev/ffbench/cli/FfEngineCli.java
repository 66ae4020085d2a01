package dev.ffbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -cp ... dev.ffbench.cli.FfEngineCli run|benchmark ...}. */
@Command(
        name = "ff-engine",
        mixinStandardHelpOptions = true,
        description = "FF Bench engine: train and measure Forward-Forward and backprop on ND4J.",
        subcommands = {RunCommand.class, BenchmarkCommand.class, MemorySweepCommand.class})
public final class FfEngineCli {

    /**
     * Runs a command and exits with its code. A forked cell ({@code -Dff.parentPid} set by the harness)
     * first starts its {@link ParentWatchdog}, so it ends by itself if the build that forked it dies.
     */
    public static void main(String[] args) {
        ParentWatchdog.startIfRequested();
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return new CommandLine(new FfEngineCli())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("ff-engine: " + exception.getMessage());
                    return exception instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args);
    }
}
