package dev.ffbench.cli;

import dev.ffbench.experiment.AtomicFiles;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.Json;
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

    @Override
    public Integer call() throws Exception {
        ExperimentResult result = ExperimentRunner.engine().run(specOptions.spec());
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
}
