package dev.ffbench.cli;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.EpochSeconds;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.InvalidSpecException;
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
 * of an option applies to the algorithms that declare it (e.g. iterations only to ff-recurrent). Under
 * each run's row: its accuracy curve when it measured one, and per training phase the training seconds
 * and samples/s of every epoch, so that the first epoch (JIT compilation included) shows beside the
 * steady ones.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Run one spec for each algorithm and print accuracy, speed and memory.")
final class BenchmarkCommand implements Callable<Integer> {
    @Mixin
    SpecOptions specOptions = new SpecOptions();

    @Option(names = "--algorithms", split = ",", defaultValue = "backprop,ff-base",
            description = "Algorithms to run (default: ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--seeds", split = ",",
            description = "Run each algorithm once per seed (e.g. 1,2,3) and print, after the rows, each algorithm's"
                    + " mean test accuracy with every seed's (overrides a --set seed).")
    List<Long> seeds;

    @Option(names = "--ops",
            description = "Also print the ND4J ops executed per training step of each algorithm (counted in short extra runs).")
    boolean ops;

    @Override
    public Integer call() throws Exception {
        List<ExperimentSpec> specs = specs();
        System.out.println(Summary.header());
        Map<String, Double> opsPerStep = new LinkedHashMap<>();
        Map<String, List<Double>> accuracies = new LinkedHashMap<>();
        for (ExperimentSpec spec : specs) {
            String algorithm = spec.algorithm();
            ExperimentResult result = ExperimentRunner.engine().run(spec);
            System.out.println(Summary.row(result));
            String curve = Summary.curve(result);
            if (!curve.isEmpty()) {
                System.out.println(curve);
            }
            epochLines(result).forEach(System.out::println);
            accuracies.computeIfAbsent(algorithm, a -> new java.util.ArrayList<>()).add(result.testAccuracy());
            if (ops && !opsPerStep.containsKey(algorithm)) {
                opsPerStep.put(algorithm, ExperimentRunner.engine().trainingOpsPerStep(spec));
            }
        }
        if (seeds != null && !seeds.isEmpty()) {
            accuracies.forEach((algorithm, values) -> System.out.println(Summary.seedMean(algorithm, seeds, values)));
        }
        opsPerStep.forEach((algorithm, count) -> System.out.println(String.format(Locale.ROOT,
                "%-12s ND4J ops per training step: %.1f (mean over training phases)", algorithm, count)));
        return 0;
    }

    /**
     * Every run's spec, one per algorithm and seed, resolved before any runs: every problem of every
     * setting (one no algorithm reads, a value out of range) in one error, each once, and none found only
     * after an earlier algorithm has trained.
     */
    private List<ExperimentSpec> specs() throws java.io.IOException {
        SpecResolver resolver = SpecResolver.engine();
        Map<String, String> settings = new LinkedHashMap<>(specOptions.overrides);
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        resolver.unusedProblems(algorithms, settings.keySet()).forEach(problem -> problems.add(problem.message()));
        List<ExperimentSpec> specs = new java.util.ArrayList<>();
        List<Long> runSeeds = seeds == null || seeds.isEmpty() ? java.util.Collections.singletonList(null) : seeds;
        for (String algorithm : algorithms) {
            for (Long seed : runSeeds) {
                Map<String, String> fields = new LinkedHashMap<>(resolver.applicable(algorithm, settings));
                fields.put("algorithm", algorithm);
                if (seed != null) {
                    fields.put("seed", seed.toString());
                }
                try {
                    specs.add(resolver.read(specOptions.json(), fields));
                } catch (InvalidSpecException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(List.copyOf(problems));
        }
        return specs;
    }

    /**
     * One line per training phase: "ff-base      layer 1 epochs (training s, samples/s): 1: 0.812 s 9,853/s;
     * 2: 0.401 s 19,950/s; ...". samples/s is the images of one epoch (the training split, or
     * maxStepsPerEpoch x batchSize when that is fewer) over the epoch's seconds: for layerwise FF, the
     * speed of that layer's pass alone. Empty for a result without the seconds of its epochs.
     */
    static List<String> epochLines(ExperimentResult result) {
        if (result.epochSeconds() == null || result.dataset() == null) {
            return List.of();
        }
        ExperimentSpec spec = result.spec();
        long cap = spec.maxStepsPerEpoch() == 0 ? Long.MAX_VALUE : (long) spec.maxStepsPerEpoch() * spec.batchSize();
        long images = Math.min(result.dataset().trainImages(), cap);
        Map<String, StringBuilder> lines = new LinkedHashMap<>();
        for (EpochSeconds epoch : result.epochSeconds()) {
            lines.computeIfAbsent(epoch.phase(), phase -> new StringBuilder(String.format(Locale.ROOT,
                    "%-12s %s epochs (training s, samples/s):", spec.algorithm(), phase)))
                    .append(String.format(Locale.ROOT, " %d: %.3f s %,.0f/s;", epoch.epoch(), epoch.seconds(),
                            images / epoch.seconds()));
        }
        return lines.values().stream().map(StringBuilder::toString).toList();
    }
}
