package dev.ffbench.experiment;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.DatasetSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A discovered dataset source as the engine calls it, in Maven's JVM (names checked before any cell
 * runs) and in a cell's: an exception its code throws, other than the {@link DatasetException} it is
 * meant to throw, becomes a DatasetException naming the source, its class and origin, the method and
 * the line that threw, and a value it returns that could mislead (no reader, no dataset, a negative
 * count, a null where an answer is due) is refused naming it. A DatasetException fails the cell as a
 * bad dataset (exit code 2, "the engine rejected the cell"), or the matrix before any cell runs.
 */
final class CheckedDatasetSource implements DatasetSource {
    private final DatasetSource source;
    private final String name;
    private final String origin;

    CheckedDatasetSource(DatasetSource source, String name, String origin) {
        this.source = source;
        this.name = name;
        this.origin = origin;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        String usage = call("usage()", source::usage);
        return usage == null || usage.isBlank() ? name : usage;
    }

    @Override
    public boolean accepts(String dataset) {
        return call("accepts(dataset)", () -> source.accepts(dataset));
    }

    @Override
    public DatasetReader open(String dataset, Path baseDirectory) {
        DatasetReader reader = call("open(dataset, baseDirectory)", () -> source.open(dataset, baseDirectory));
        if (reader == null) {
            throw refused("open(dataset, baseDirectory)", "returned null for '" + dataset + "'",
                    "a DatasetReader, or a DatasetException naming what is wrong with the name");
        }
        return new Reader(reader, dataset);
    }

    /** The source's reader, checked the same way. */
    private final class Reader implements DatasetReader {
        private final DatasetReader reader;
        private final String dataset;

        Reader(DatasetReader reader, String dataset) {
            this.reader = reader;
            this.dataset = dataset;
        }

        @Override
        public Dataset load() {
            Dataset loaded = call("load() of '" + dataset + "'", reader::load);
            if (loaded == null) {
                throw refused("load() of '" + dataset + "'", "returned null", "the dataset, or a DatasetException naming the problem");
            }
            return loaded;
        }

        @Override
        public String describe() {
            String described = call("describe() of '" + dataset + "'", reader::describe);
            return described == null ? dataset : described;
        }

        @Override
        public OptionalInt knownTrainCount() {
            OptionalInt count = call("knownTrainCount() of '" + dataset + "'", reader::knownTrainCount);
            if (count == null || (count.isPresent() && count.getAsInt() < 1)) {
                throw refused("knownTrainCount() of '" + dataset + "'", "returned " + count,
                        "a count >= 1, or OptionalInt.empty() when only loading can tell");
            }
            return count;
        }

        @Override
        public Optional<DatasetShape> knownShape() {
            Optional<DatasetShape> shape = call("knownShape() of '" + dataset + "'", reader::knownShape);
            if (shape == null) {
                throw refused("knownShape() of '" + dataset + "'", "returned null",
                        "the shape, or Optional.empty() when only loading can tell");
            }
            return shape;
        }

        @Override
        public Optional<String> quickProblem() {
            Optional<String> problem = call("quickProblem() of '" + dataset + "'", reader::quickProblem);
            if (problem == null) {
                throw refused("quickProblem() of '" + dataset + "'", "returned null", "a problem, or Optional.empty()");
            }
            return problem;
        }
    }

    private <T> T call(String method, Supplier<T> code) {
        try {
            return code.get();
        } catch (DatasetException e) {
            throw e; // the source's own words about its data
        } catch (RuntimeException | LinkageError e) {
            StackTraceElement line = List.of(e.getStackTrace()).stream()
                    .filter(f -> f.getClassName().startsWith(source.getClass().getPackageName() + ".")).findFirst()
                    .orElse(e.getStackTrace().length == 0 ? null : e.getStackTrace()[0]);
            throw new DatasetException(describeSource() + " threw " + e + " in " + method
                    + (line == null ? "" : " at " + CheckedAlgorithm.where(line)) + "; allowed: " + method
                    + " returns its value, or throws a DatasetException naming what is wrong", e);
        }
    }

    private DatasetException refused(String method, String what, String allowed) {
        return new DatasetException(describeSource() + "'s " + method + " " + what + "; allowed: " + allowed);
    }

    private String describeSource() {
        return "dataset source '" + name + "' (" + source.getClass().getName() + ", " + origin + ")";
    }
}
