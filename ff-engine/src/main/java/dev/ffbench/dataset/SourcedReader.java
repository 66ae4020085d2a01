package dev.ffbench.dataset;

import java.security.CodeSource;
import java.util.Objects;
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
        Objects.requireNonNull(reader, () -> "dataset source " + source.name() + " (" + source.getClass().getName()
                + ") returned no reader for '" + dataset + "'");
    }

    @Override
    public Dataset load() {
        Dataset data;
        try {
            data = reader.load();
        } catch (DatasetException e) {
            if (e.dataProblem() != null) {
                throw new DatasetException(origin() + ": " + e.dataProblem(), e);
            }
            if (builtIn()) {
                throw e;
            }
            throw new DatasetException(origin() + ": " + e.getMessage(), e);
        }
        if (data == null) {
            throw new DatasetException(origin() + ": " + reader.getClass().getName() + ".load() returned null;"
                    + " allowed: a Dataset");
        }
        OptionalInt train = reader.knownTrainCount();
        if (train.isPresent() && train.getAsInt() != data.train().count()) {
            throw new DatasetException(origin() + ": " + IdxReader.grouped(data.train().count()) + " training images"
                    + " loaded, but knownTrainCount() announced " + IdxReader.grouped(train.getAsInt())
                    + "; allowed: the count loaded, or empty");
        }
        Optional<DatasetShape> shape = reader.knownShape();
        if (shape.isPresent() && !shape.get().equals(data.shape())) {
            throw new DatasetException(origin() + ": " + describe(data.shape()) + " loaded, but knownShape()"
                    + " announced " + describe(shape.get()) + "; allowed: the shape loaded, or empty");
        }
        return data;
    }

    /** "dataset 'mine:x' (source mine, com.example.MineSource)". */
    String origin() {
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
        return reader.describe();
    }

    @Override
    public OptionalInt knownTrainCount() {
        return reader.knownTrainCount();
    }

    @Override
    public Optional<DatasetShape> knownShape() {
        return reader.knownShape();
    }

    @Override
    public Optional<String> quickProblem() {
        return reader.quickProblem();
    }
}
