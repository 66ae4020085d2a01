package dev.ffbench.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** Resolves the ff.results parameter: explicit files (relative to the project) or the default results.json. */
final class ResultsFilesParameter {
    private ResultsFilesParameter() {}

    static List<File> explicit(List<File> results) {
        return results == null ? List.of() : results.stream().filter(f -> !f.getPath().isBlank()).toList();
    }

    static List<Path> paths(List<File> results, File outputDirectory, File baseDirectory) {
        List<File> explicit = explicit(results);
        return explicit.isEmpty()
                ? List.of(outputDirectory.toPath().resolve("results.json"))
                : explicit.stream().map(f -> f.isAbsolute() ? f.toPath() : baseDirectory.toPath().resolve(f.getPath())).toList();
    }
}
