package dev.ffbench.cli;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.InvalidSpecException;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs one experiment and writes its result JSON to a file or stdout. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one experiment; write its result as JSON.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here (atomically) instead of stdout.")
    Path out;

    @Option(names = "--cell-spec", paramLabel = "FILE", hidden = true,
            description = "A resolved spec as the harness writes it for a forked cell: read as is (checked, never resolved again).")
    Path cellSpec;

    @Option(names = "--failure", paramLabel = "FILE", hidden = true,
            description = "When the run fails, write why here as JSON (its kind, message and stack), for the harness that forked it.")
    Path failure;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (Throwable ended) {
            if (failure != null) {
                try {
                    RunFailure.of(ended).write(failure);
                } catch (Throwable notWritten) {
                    // the harness then reads the exit code and the log; the run's own failure still ends it
                    ended.addSuppressed(notWritten);
                }
            }
            throw ended;
        }
    }

    private int run() throws Exception {
        ExperimentResult result = ExperimentRunner.engine().run(spec());
        String json = Json.write(result);
        if (out == null) {
            System.out.println(json);
        } else {
            AtomicFiles.write(out, json);
        }
        System.err.println(Summary.header());
        System.err.println(Summary.row(result));
        return 0;
    }

    /** The cell's resolved spec as shipped, or the one --spec and --set describe, resolved once here. */
    private ExperimentSpec spec() throws java.io.IOException {
        if (cellSpec == null) {
            return specOptions.spec();
        }
        if (specOptions.specFile != null || !specOptions.overrides.isEmpty()) {
            throw new InvalidSpecException(Problem.found("--cell-spec", "is given with --spec or --set",
                    "--cell-spec alone (a resolved spec is run as it is)"));
        }
        return Json.mapper().readValue(cellSpec.toFile(), ExperimentSpec.class);
    }
}
