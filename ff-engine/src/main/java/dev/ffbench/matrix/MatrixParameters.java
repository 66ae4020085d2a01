package dev.ffbench.matrix;

import java.util.List;
import java.util.Map;

/**
 * The experiment matrix as the user wrote it (POM text or {@code -D} properties), unparsed so that
 * {@link MatrixExpander} can name the parameter in every error. A null or empty value means the
 * default matrix's value ({@link DefaultMatrix}).
 *
 * @param algorithms algorithm names; empty means every algorithm the engine has
 * @param depths hidden layers, whole numbers >= 1
 * @param widths units per hidden layer, whole numbers >= 1
 * @param goodness goodness function names (FF algorithms only; backprop has none)
 * @param seeds one cell per seed
 * @param dataset one dataset for the whole matrix
 * @param settings any other spec field as {@code field=value}, like the engine's {@code --set}
 * @param includes when not empty, only product cells matching one of these run
 * @param excludes product cells matching one of these do not run
 * @param extraCells extra blocks of cells: each field given replaces the matrix's list for that block
 */
public record MatrixParameters(
        List<String> algorithms,
        List<String> depths,
        List<String> widths,
        List<String> goodness,
        List<String> seeds,
        String dataset,
        String epochs,
        String batchSize,
        String learningRate,
        String schedule,
        String maxStepsPerEpoch,
        String threads,
        List<String> settings,
        List<Map<String, String>> includes,
        List<Map<String, String>> excludes,
        List<Map<String, String>> extraCells) {

    public MatrixParameters {
        algorithms = copy(algorithms);
        depths = copy(depths);
        widths = copy(widths);
        goodness = copy(goodness);
        seeds = copy(seeds);
        settings = copy(settings);
        includes = copy(includes);
        excludes = copy(excludes);
        extraCells = copy(extraCells);
    }

    /** Nothing configured: the default matrix. */
    public static MatrixParameters defaults() {
        return new MatrixParameters(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public MatrixParameters withAlgorithms(String... values) {
        return new MatrixParameters(List.of(values), depths, widths, goodness, seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    public MatrixParameters withDepths(String... values) {
        return new MatrixParameters(algorithms, List.of(values), widths, goodness, seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    public MatrixParameters withWidths(String... values) {
        return new MatrixParameters(algorithms, depths, List.of(values), goodness, seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    public MatrixParameters withGoodness(String... values) {
        return new MatrixParameters(algorithms, depths, widths, List.of(values), seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    public MatrixParameters withSeeds(String... values) {
        return new MatrixParameters(algorithms, depths, widths, goodness, List.of(values), dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    /** The single-valued fields at once: dataset, epochs, batch size, steps cap (null keeps the default). */
    public MatrixParameters withRun(String dataset, String epochs, String batchSize, String maxStepsPerEpoch) {
        return new MatrixParameters(algorithms, depths, widths, goodness, seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    public MatrixParameters withSettings(String... values) {
        return new MatrixParameters(algorithms, depths, widths, goodness, seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, List.of(values), includes, excludes, extraCells);
    }

    public MatrixParameters withSelectors(List<Map<String, String>> includes, List<Map<String, String>> excludes,
            List<Map<String, String>> extraCells) {
        return new MatrixParameters(algorithms, depths, widths, goodness, seeds, dataset, epochs, batchSize,
                learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }
}
