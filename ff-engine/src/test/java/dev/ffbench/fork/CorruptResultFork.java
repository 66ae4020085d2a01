package dev.ffbench.fork;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.Json;
import java.nio.file.Path;

/**
 * A fork that runs its cell and then writes a test accuracy of 1.5 (as a project's code that scribbled
 * over the engine's result might): the harness must not judge it. Forked by {@link ForkedCellRunnerTest}
 * in place of the engine, with the engine's arguments ({@code run --cell-spec FILE --out FILE ...}).
 */
public final class CorruptResultFork {
    private CorruptResultFork() {}

    public static void main(String[] args) throws Exception {
        ExperimentSpec sent = Json.mapper().readValue(Path.of(args[2]).toFile(), ExperimentSpec.class);
        ExperimentResult r = ExperimentRunner.engine().run(sent);
        ExperimentResult corrupt = new ExperimentResult(r.schemaVersion(), r.spec(), r.dataset(), r.trainAccuracy(), 1.5,
                r.losses(), r.memory(), r.trainSeconds(), r.evalSeconds(), r.samplesPerSecond(), r.curve(),
                r.secondsToAccuracy(), r.evaluation(), r.environment(), r.traits(), null);
        AtomicFiles.write(Path.of(args[4]), Json.write(corrupt));
    }
}
