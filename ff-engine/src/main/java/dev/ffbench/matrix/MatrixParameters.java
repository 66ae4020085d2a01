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
        return builder().build();
    }

    /** A builder with nothing set: each parameter is named where it is given, so that no two can be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these parameters, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.algorithms = algorithms;
        b.depths = depths;
        b.widths = widths;
        b.goodness = goodness;
        b.seeds = seeds;
        b.dataset = dataset;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.schedule = schedule;
        b.maxStepsPerEpoch = maxStepsPerEpoch;
        b.threads = threads;
        b.settings = settings;
        b.includes = includes;
        b.excludes = excludes;
        b.extraCells = extraCells;
        return b;
    }

    /**
     * The matrix's parameters by name ({@code builder().algorithms("backprop").depths("2", "4").dataset("mnist")});
     * whatever is not set means the default matrix's value. The one place the record's sixteen positional fields
     * are written.
     */
    public static final class Builder {
        private List<String> algorithms;
        private List<String> depths;
        private List<String> widths;
        private List<String> goodness;
        private List<String> seeds;
        private List<String> settings;
        private String dataset;
        private String epochs;
        private String batchSize;
        private String learningRate;
        private String schedule;
        private String maxStepsPerEpoch;
        private String threads;
        private List<Map<String, String>> includes;
        private List<Map<String, String>> excludes;
        private List<Map<String, String>> extraCells;

        private Builder() {}

        /** Algorithm names (null or empty: the default). */
        public Builder algorithms(List<String> values) {
            this.algorithms = values;
            return this;
        }

        /** Algorithm names. */
        public Builder algorithms(String... values) {
            return algorithms(List.of(values));
        }

        /** Hidden layers (null or empty: the default). */
        public Builder depths(List<String> values) {
            this.depths = values;
            return this;
        }

        /** Hidden layers. */
        public Builder depths(String... values) {
            return depths(List.of(values));
        }

        /** Units per hidden layer (null or empty: the default). */
        public Builder widths(List<String> values) {
            this.widths = values;
            return this;
        }

        /** Units per hidden layer. */
        public Builder widths(String... values) {
            return widths(List.of(values));
        }

        /** Goodness function names (null or empty: the default). */
        public Builder goodness(List<String> values) {
            this.goodness = values;
            return this;
        }

        /** Goodness function names. */
        public Builder goodness(String... values) {
            return goodness(List.of(values));
        }

        /** Seeds, one cell each (null or empty: the default). */
        public Builder seeds(List<String> values) {
            this.seeds = values;
            return this;
        }

        /** Seeds, one cell each. */
        public Builder seeds(String... values) {
            return seeds(List.of(values));
        }

        /** Other spec fields as field=value (null or empty: the default). */
        public Builder settings(List<String> values) {
            this.settings = values;
            return this;
        }

        /** Other spec fields as field=value. */
        public Builder settings(String... values) {
            return settings(List.of(values));
        }

        /** The dataset of every cell (null or blank: the default). */
        public Builder dataset(String value) {
            this.dataset = value;
            return this;
        }

        /** Epochs (null or blank: the default). */
        public Builder epochs(String value) {
            this.epochs = value;
            return this;
        }

        /** Images per step (null or blank: the default). */
        public Builder batchSize(String value) {
            this.batchSize = value;
            return this;
        }

        /** The learning rate (null or blank: the default). */
        public Builder learningRate(String value) {
            this.learningRate = value;
            return this;
        }

        /** The training schedule (null or blank: the default). */
        public Builder schedule(String value) {
            this.schedule = value;
            return this;
        }

        /** The cap on steps per epoch (null or blank: the default). */
        public Builder maxStepsPerEpoch(String value) {
            this.maxStepsPerEpoch = value;
            return this;
        }

        /** ND4J threads per cell (null or blank: the default). */
        public Builder threads(String value) {
            this.threads = value;
            return this;
        }

        /** The cells that alone run, when not empty, each as field=value pairs. */
        public Builder includes(List<Map<String, String>> values) {
            this.includes = values;
            return this;
        }

        /** The cells that do not run, each as field=value pairs. */
        public Builder excludes(List<Map<String, String>> values) {
            this.excludes = values;
            return this;
        }

        /** Extra blocks of cells, each as field=value pairs. */
        public Builder extraCells(List<Map<String, String>> values) {
            this.extraCells = values;
            return this;
        }

        /** The parameters set so far. */
        public MatrixParameters build() {
            return new MatrixParameters(algorithms, depths, widths, goodness, seeds, dataset, epochs, batchSize,
                    learningRate, schedule, maxStepsPerEpoch, threads, settings, includes, excludes, extraCells);
        }
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }
}
