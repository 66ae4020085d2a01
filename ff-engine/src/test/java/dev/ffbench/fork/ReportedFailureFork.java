package dev.ffbench.fork;

import dev.ffbench.cli.RunFailure;
import dev.ffbench.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fork that fails as the engine does: it prints a line, writes its failure (kind, message and stack) to the
 * file after {@code --failure} and exits with code 1. Forked by {@link ForkedCellRunnerTest} in place of the engine.
 */
public final class ReportedFailureFork {
    private ReportedFailureFork() {}

    public static void main(String[] args) throws Exception {
        System.out.println("ReportedFailureFork: training");
        Path failure = Path.of(args[List.of(args).indexOf("--failure") + 1]);
        Files.writeString(failure, Json.write(new RunFailure(RunFailure.Kind.MODEL_FAILED, "algorithm own (built in)"
                + " failed: java.lang.IllegalStateException: boom", "dev.ffbench.experiment.ModelFailedException: ..."
                + System.lineSeparator() + "\tat com.acme.Own.train(Own.java:57)" + System.lineSeparator())));
        System.exit(1);
    }
}
