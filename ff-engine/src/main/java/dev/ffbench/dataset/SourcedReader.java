package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.security.CodeSource;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A source's reader as {@link Datasets#open} hands it out: where the data a {@link DatasetSource} hands
 * over enters the engine. Loading refuses what would mislead, in one message that names the dataset as
 * the user wrote it and the source (its name and provider class): a null dataset; a problem
 * {@link Dataset}'s own checks found (an empty split, counts that do not match, labels not below K, a stray
 * class); a training count or shape other than the reader announced before loading (the harness sized
 * memory and checked options against it). A project's own source's other errors are named the same way;
 * a built-in source's name their files already.
 *
 * @param dataset the dataset as the user wrote it
 * @param source the source that opened it
 * @param reader what the source's {@link DatasetSource#open} returned
 */
record SourcedReader(String dataset, DatasetSource source, DatasetReader reader) implements DatasetReader {

    SourcedReader {
        if (reader == null) {
            throw new DatasetException(Problem.found(origin(dataset, source) + ": open(dataset, baseDirectory)",
                    "returned null", "a DatasetReader, or a DatasetException naming what is wrong with the name"));
        }
    }

    @Override
    public Dataset load() {
        Dataset data;
        try {
            data = call(dataset, source, "load()", reader::load);
        } catch (DatasetException e) {
            if (e.getMessage().startsWith(origin())) {
                throw e; // named already: the source's code threw something else than a DatasetException
            }
            if (e.unnamedDataProblem() != null) {
                throw new DatasetException(DatasetException.named(origin(), e.unnamedDataProblem()), e);
            }
            if (builtIn()) {
                throw e;
            }
            throw new DatasetException(DatasetException.named(origin(), e.problem()), e);
        }
        if (data == null) {
            throw new DatasetException(Problem.found(origin() + ": " + reader.getClass().getName() + ".load()",
                    "returned null", "a Dataset"));
        }
        OptionalInt train = knownTrainCount();
        if (train.isPresent() && train.getAsInt() != data.train().count()) {
            throw new DatasetException(Problem.found(origin() + ": " + IdxReader.grouped(data.train().count())
                    + " training images", "loaded, but knownTrainCount() announced " + IdxReader.grouped(train.getAsInt()),
                    "the count loaded, or empty"));
        }
        Optional<DatasetShape> shape = knownShape();
        if (shape.isPresent() && !shape.get().equals(data.shape())) {
            throw new DatasetException(Problem.found(origin() + ": " + describe(data.shape()),
                    "loaded, but knownShape() announced " + describe(shape.get()), "the shape loaded, or empty"));
        }
        return data;
    }

    /** "dataset 'mine:x' (source mine, com.example.MineSource)". */
    String origin() {
        return origin(dataset, source);
    }

    private static String origin(String dataset, DatasetSource source) {
        return "dataset '" + dataset + "' (source " + source.name() + ", " + source.getClass().getName() + ")";
    }

    private static String describe(DatasetShape shape) {
        return "images of " + shape.imageShape() + " in " + shape.classes() + " classes";
    }

    /** Whether the source is one of the engine's own, from the engine's jar or classes directory. */
    private boolean builtIn() {
        return location(source.getClass()) != null && location(source.getClass()).equals(location(DatasetSource.class));
    }

    private static Object location(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        return code == null ? null : code.getLocation();
    }

    @Override
    public String describe() {
        String described = call(dataset, source, "describe()", reader::describe);
        return described == null ? dataset : described;
    }

    @Override
    public OptionalInt knownTrainCount() {
        OptionalInt count = call(dataset, source, "knownTrainCount()", reader::knownTrainCount);
        if (count == null || (count.isPresent() && count.getAsInt() < 1)) {
            throw new DatasetException(Problem.found(origin() + ": knownTrainCount()", "returned " + count,
                    "a count >= 1, or OptionalInt.empty() when only loading can tell"));
        }
        return count;
    }

    @Override
    public Optional<DatasetShape> knownShape() {
        Optional<DatasetShape> shape = call(dataset, source, "knownShape()", reader::knownShape);
        if (shape == null) {
            throw new DatasetException(Problem.found(origin() + ": knownShape()", "returned null",
                    "the shape, or Optional.empty() when only loading can tell"));
        }
        return shape;
    }

    @Override
    public Optional<String> quickProblem() {
        Optional<String> problem = call(dataset, source, "quickProblem()", reader::quickProblem);
        if (problem == null) {
            throw new DatasetException(Problem.found(origin() + ": quickProblem()", "returned null",
                    "a problem, or Optional.empty()"));
        }
        return problem;
    }

    /**
     * Runs a source's code: an exception other than the {@link DatasetException} it is meant to throw becomes
     * one naming the dataset, the source and its class, the method and the line of the source's code that threw
     * (a bare NullPointerException from a project's source named none of them). Its DatasetException passes as
     * it is.
     */
    static <T> T call(String dataset, DatasetSource source, String method, java.util.function.Supplier<T> code) {
        try {
            return code.get();
        } catch (DatasetException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            StackTraceElement line = ProviderCode.lineOf(e, source.getClass());
            throw new DatasetException(Problem.found(origin(dataset, source) + ": " + method,
                    "threw " + e + (line == null ? "" : " at " + ProviderCode.where(line)),
                    method + " returns its value, or throws a DatasetException naming what is wrong"), e);
        }
    }
}
