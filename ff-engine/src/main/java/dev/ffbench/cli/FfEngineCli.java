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

    public static void main(String[] args) {
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
