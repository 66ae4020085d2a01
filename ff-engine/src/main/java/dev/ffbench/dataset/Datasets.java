package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the dataset the user wrote (a spec field, a plugin parameter) into a {@link DatasetReader}:
 * the first discovered {@link DatasetSource} that accepts it opens it; a value no source accepts is
 * taken as a directory of IDX files, the form users had before sources had prefixes. The reader is
 * wrapped so that what it loads is checked where it enters, naming the source ({@link SourcedReader}).
 */
public final class Datasets {
    private Datasets() {}

    /**
     * @param sources every discovered source, e.g. {@code Extensions.engine().datasetSources()} values
     * @throws DatasetException when the value is empty or malformed, naming it and every allowed form
     */
    public static DatasetReader open(String dataset, Path baseDirectory, List<DatasetSource> sources) {
        if (dataset == null || dataset.isBlank()) {
            throw new DatasetException(Problem.found("dataset", "is empty", forms(sources)));
        }
        String value = dataset.trim();
        java.util.Optional<DatasetSource> accepting = source(value, sources);
        if (accepting.isPresent()) {
            DatasetSource source = accepting.get();
            return new SourcedReader(value, source,
                    SourcedReader.call(value, source, "open(dataset, baseDirectory)", () -> source.open(value, baseDirectory)));
        }
        IdxSource directory = new IdxSource();
        return new SourcedReader(value, directory, directory.open(value, baseDirectory));
    }

    /**
     * The source that reads {@code dataset}: the first of {@code sources} that accepts it; empty when none
     * does (the value is then a directory of IDX files).
     */
    public static java.util.Optional<DatasetSource> source(String dataset, List<DatasetSource> sources) {
        String value = dataset.trim();
        for (DatasetSource source : sources) {
            if (SourcedReader.call(value, source, "accepts(dataset)", () -> source.accepts(value))) {
                return java.util.Optional.of(source);
            }
        }
        return java.util.Optional.empty();
    }

    /** Every allowed form: each source's usage, then a bare directory of IDX files. */
    public static String forms(List<DatasetSource> sources) {
        return String.join(", ", sources.stream().map(source -> SourcedReader.call(source.name(), source, "usage()",
                source::usage)).toList()) + ", or a directory of IDX files";
    }
}
