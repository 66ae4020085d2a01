package dev.ffbench.fork;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.Json;
import java.nio.file.Path;

/**
 * A fork that runs another spec than the one it was sent (the seed plus one), as an engine of another
 * version on the fork's class path might: its result must not be stored under the cell's spec. Forked by
 * {@link ForkedCellRunnerTest} in place of the engine, with the engine's arguments
 * ({@code run --cell-spec FILE --out FILE}).
 */
public final class OtherSpecFork {
    private OtherSpecFork() {}

    public static void main(String[] args) throws Exception {
        ExperimentSpec sent = Json.mapper().readValue(Path.of(args[2]).toFile(), ExperimentSpec.class);
        ExperimentSpec other = new ExperimentSpec(sent.algorithm(), sent.dataset(), sent.depth(), sent.width(),
                sent.epochs(), sent.batchSize(), sent.optimizer(), sent.learningRate(), sent.seed() + 1, sent.threads(),
                sent.maxStepsPerEpoch(), sent.evaluateEvery(), sent.targetAccuracy(), sent.options());
        AtomicFiles.write(Path.of(args[4]), Json.write(ExperimentRunner.engine().run(other)));
    }
}
