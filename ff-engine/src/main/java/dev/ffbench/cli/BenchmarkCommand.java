package dev.ffbench.cli;

import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.SpecResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the same spec for several algorithms in this JVM and prints one comparison table. A {@code --set}
 * of an option applies to the algorithms that declare it (e.g. iterations only to ff-recurrent).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Run one spec for each algorithm and print accuracy, speed and memory.")
final class BenchmarkCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--algorithms", split = ",", defaultValue = "backprop,ff-base",
            description = "Algorithms to run (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--ops",
            description = "Also print the ND4J ops executed per training step of each algorithm (counted in short extra runs).")
    boolean ops;

    @Override
    public Integer call() throws Exception {
        SpecResolver resolver = SpecResolver.engine();
        Map<String, String> settings = new LinkedHashMap<>(specOptions.overrides);
        resolver.checkUsed(algorithms, settings.keySet());
        System.out.println(Summary.header());
        Map<String, Double> opsPerStep = new LinkedHashMap<>();
        for (String algorithm : algorithms) {
            Map<String, String> fields = new LinkedHashMap<>(resolver.applicable(algorithm, settings));
            fields.put("algorithm", algorithm);
            ExperimentSpec spec = resolver.read(specOptions.json(), fields);
            ExperimentResult result = ExperimentRunner.engine().run(spec);
            System.out.println(Summary.row(result));
            String curve = Summary.curve(result);
            if (!curve.isEmpty()) {
                System.out.println(curve);
            }
            if (ops) {
                opsPerStep.put(algorithm, ExperimentRunner.engine().trainingOpsPerStep(spec));
            }
        }
        opsPerStep.forEach((algorithm, count) -> System.out.println(String.format(Locale.ROOT,
                "%-12s ND4J ops per training step: %.1f (mean over training phases)", algorithm, count)));
        return 0;
    }
}
