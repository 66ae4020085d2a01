package dev.ffbench.cli;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PhaseMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * FF Base against backprop, training peak by depth: the seed project's memory experiment, measured
 * exactly, at its configuration (FF Base: {@code --ff-positives} images per step and the goodness
 * readout, unless a {@code --set} says otherwise). Trains a few steps per depth (the peaks do not depend on the number of steps) and skips
 * evaluation.
 */
@Command(name = "memory-sweep", mixinStandardHelpOptions = true,
        description = "Training peak of ff-base and backprop by depth, and their ratio.")
final class MemorySweepCommand implements Callable<Integer> {
    @Option(names = "--depths", split = ",", defaultValue = "2,7,12,17,22,27,32,37,42,47",
            description = "Depths (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--width", defaultValue = "2000", description = "Units per layer (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--ff-positives", defaultValue = "2500",
            description = "FF positives per step, as many negatives (default: ${DEFAULT-VALUE}).")
    int ffPositives;

    @Option(names = "--backprop-rows", defaultValue = "5000", description = "Backprop rows per step (default: ${DEFAULT-VALUE}).")
    int backpropRows;

    @Option(names = "--steps", defaultValue = "1", description = "Steps per phase (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Override a field of both specs (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        SpecResolver.engine().checkUsed(java.util.List.of("backprop", "ff-base"), overrides.keySet());
        System.out.println(String.format(Locale.ROOT, "%5s %16s %16s %7s   %s", "depth", "backprop peak B", "ff-base peak B",
                "ratio", "ff-base peak: parameters + gradients + optimizer + transient"));
        for (int depth : depths) {
            MemoryBreakdown backprop = peak("backprop", depth, backpropRows);
            MemoryBreakdown ff = peak("ff-base", depth, ffPositives);
            System.out.println(String.format(Locale.ROOT, "%5d %,16d %,16d %7.3f   %,d + %,d + %,d + %,d", depth,
                    backprop.totalBytes(), ff.totalBytes(), (double) ff.totalBytes() / backprop.totalBytes(),
                    ff.parameters(), ff.gradients(), ff.optimizerState(), ff.transientBytes()));
        }
        return 0;
    }

    private MemoryBreakdown peak(String algorithm, int depth, int batchSize) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "epochs", "1", "maxStepsPerEpoch", Integer.toString(steps), "width", Integer.toString(width)));
        if (algorithm.equals("ff-base")) {
            // the seed project's configuration: the goodness readout (a --set still wins)
            fields.put("readout", "goodness");
        }
        fields.putAll(SpecResolver.engine().applicable(algorithm, overrides));
        fields.put("algorithm", algorithm);
        fields.put("depth", Integer.toString(depth));
        fields.put("batchSize", Integer.toString(batchSize));
        ExperimentSpec spec = SpecResolver.engine().resolve(fields);
        return PhaseMemory.peakOf(ExperimentRunner.engine().trainingMemory(spec));
    }
}
