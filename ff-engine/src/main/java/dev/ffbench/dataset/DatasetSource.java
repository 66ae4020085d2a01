package dev.ffbench.dataset;

import java.nio.file.Path;

/**
 * A kind of dataset, named in specs and POMs by its name ({@code mnist-sample}) or by its name as a
 * prefix ({@code synthetic:7:400:100}, {@code idx:data/fashion}). Discovered with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.ffbench.dataset.DatasetSource}. The class needs a public
 * no-argument constructor; {@link #open} must not read data (the harness calls it in the Maven JVM
 * to check names before any cell runs).
 */
public interface DatasetSource {

    /** The name, also the prefix before ':' (lower-case letters, digits, '-'), e.g. "csv". */
    String name();

    /** How a dataset of this source is written, for listings and errors, e.g. "csv:DIRECTORY". */
    String usage();

    /** Whether this source reads {@code dataset}: by default its name alone or its name and ':'. */
    default boolean accepts(String dataset) {
        return dataset.equals(name()) || dataset.startsWith(name() + ":");
    }

    /**
     * The dataset {@code dataset} names, not yet read.
     *
     * @param baseDirectory what relative paths in {@code dataset} are relative to (the project directory)
     * @throws DatasetException when {@code dataset} is malformed, naming it and the allowed form
     */
    DatasetReader open(String dataset, Path baseDirectory);
}
