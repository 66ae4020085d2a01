package dev.ffbench.cli;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.backprop.BackpropCheckpointed;
import dev.ffbench.experiment.ExperimentRunner;
import dev.ffbench.experiment.InvalidSpecException;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PhaseMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * FF Base against every backprop reference, training peak by depth: the seed project's memory
 * experiment, measured exactly, at its configuration (FF Base: {@code --ff-positives} images per step
 * and the goodness readout; backprop: {@code --backprop-rows} per step; unless a {@code --set} says
 * otherwise). Columns: backprop, backprop-checkpointed (its default k) and FF Base with Adam;
 * backprop-layerwise-update and FF Base with SGD (no optimizer state on either side). Each ratio
 * compares FF Base with a reference of the same optimizer. The {@code --measure} depths train a few
 * steps each (the peaks do not depend on the number of steps) and skip evaluation; the other depths
 * are derived from them ({@link MemorySweepTable}) and marked.
 */
@Command(name = "memory-sweep", mixinStandardHelpOptions = true,
        description = "Training peak of ff-base and each backprop variant by depth, their ratios and time per epoch.")
final class MemorySweepCommand implements Callable<Integer> {
    @Option(names = "--depths", split = ",", defaultValue = "2,7,12,17,22,27,32,37,42,47",
            description = "Depths of the table (default: ${DEFAULT-VALUE}).")
    List<Integer> depths;

    @Option(names = "--measure", split = ",",
            description = "Depths to measure, at least two if any depth is left out; the others are derived (default: every depth).")
    List<Integer> measure;

    @Option(names = "--width", defaultValue = "2000", description = "Units per layer (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--ff-positives", defaultValue = "2500",
            description = "FF positives per step, as many negatives (default: ${DEFAULT-VALUE}).")
    int ffPositives;

    @Option(names = "--backprop-rows", defaultValue = "5000", description = "Backprop rows per step (default: ${DEFAULT-VALUE}).")
    int backpropRows;

    @Option(names = "--steps", defaultValue = "1", description = "Steps per phase (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--epoch-images", defaultValue = "60000",
            description = "Images of the epoch the time per epoch is given for (default: ${DEFAULT-VALUE}, the seed's MNIST).")
    int epochImages;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Override a field of every spec (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    private static final List<String> ALGORITHMS = List.of("backprop", BackpropCheckpointed.NAME,
            "backprop-layerwise-update", "ff-base");

    @Override
    public Integer call() {
        SpecResolver.engine().checkUsed(ALGORITHMS, overrides.keySet());
        List<Integer> measured = measure == null ? depths : measure;
        List<Problem> problems = new ArrayList<>();
        for (int depth : depths) {
            if (depth < 1) {
                problems.add(new Problem("depths", String.valueOf(depth), "whole numbers >= 1"));
            }
        }
        for (int depth : measured) {
            if (!depths.contains(depth)) {
                problems.add(new Problem("measure", String.valueOf(depth), "depths of the table (" + depths + ")"));
            }
        }
        if (measured.size() < 2 && !measured.containsAll(depths)) {
            problems.add(new Problem("measure", measured.toString(), "at least two depths, to derive the others from their growth"));
        }
        for (String field : List.of("algorithm", "depth", "batchSize", "optimizer")) {
            if (overrides.containsKey(field)) {
                problems.add(new Problem("--set " + field, overrides.get(field), "fields other than algorithm,"
                        + " depth, batchSize and optimizer, which each column sets (--ff-positives, --backprop-rows)"));
            }
        }
        if (!problems.isEmpty()) {
            throw InvalidSpecException.of(problems);
        }
        // a value that is not a whole number >= 1 fails its column's spec with the resolver's message
        Integer every = overrides.containsKey("checkpointEvery") && overrides.get("checkpointEvery").trim().matches("[1-9][0-9]{0,8}")
                ? Integer.valueOf(overrides.get("checkpointEvery").trim()) : null;
        List<MemorySweepTable.Column> columns = List.of(
                new MemorySweepTable.Column("backprop", "backprop", "adam", d -> d),
                new MemorySweepTable.Column("backprop-checkpointed", BackpropCheckpointed.NAME, "adam",
                        d -> BackpropCheckpointed.keptActivations(d, every)),
                new MemorySweepTable.Column("backprop-layerwise-update, SGD", "backprop-layerwise-update", "sgd", d -> d),
                new MemorySweepTable.Column("FF Base", "ff-base", "adam", d -> 0),
                new MemorySweepTable.Column("FF Base, SGD", "ff-base", "sgd", d -> 0));
        List<MemorySweepTable.Ratio> ratios = List.of(
                new MemorySweepTable.Ratio("FF / backprop", 3, 0),
                new MemorySweepTable.Ratio("FF / checkpointed", 3, 1),
                new MemorySweepTable.Ratio("FF SGD / layerwise-update SGD", 4, 2));
        MemorySweepTable table = new MemorySweepTable(columns, ratios);
        for (int depth : depths) {
            if (measured.contains(depth)) {
                List<MemorySweepTable.Measured> row = new ArrayList<>();
                for (MemorySweepTable.Column column : columns) {
                    row.add(measure(column, depth));
                }
                table.add(depth, row);
                System.err.println("measured depth " + depth);
            }
        }
        System.out.print(table.markdown(depths, (column, depth) -> column == 1
                ? "k " + BackpropCheckpointed.checkpointEvery(depth, every) : ""));
        return 0;
    }

    /**
     * Trains {@code column}'s cell at {@code depth} for {@link #steps} steps per phase: its training peak,
     * and the seconds per epoch of {@link #epochImages} images, from the wall time of those steps (the
     * model's set-up included, so slightly more than the steps alone).
     */
    private MemorySweepTable.Measured measure(MemorySweepTable.Column column, int depth) {
        boolean ff = column.algorithm().equals("ff-base");
        int batchSize = ff ? ffPositives : backpropRows;
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "epochs", "1", "maxStepsPerEpoch", Integer.toString(steps), "width", Integer.toString(width)));
        if (ff) {
            // the seed project's configuration: the goodness readout (a --set still wins)
            fields.put("readout", "goodness");
        }
        fields.putAll(SpecResolver.engine().applicable(column.algorithm(), overrides));
        fields.put("algorithm", column.algorithm());
        fields.put("depth", Integer.toString(depth));
        fields.put("batchSize", Integer.toString(batchSize));
        fields.put("optimizer", column.optimizer());
        ExperimentSpec spec = SpecResolver.engine().resolve(fields);
        long start = System.nanoTime();
        MemoryBreakdown peak = PhaseMemory.peakOf(ExperimentRunner.engine().trainingMemory(spec));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new MemorySweepTable.Measured(peak, seconds / steps * epochImages / batchSize);
    }
}
