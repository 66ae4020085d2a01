package dev.ffbench.io;

import java.nio.file.Path;

/**
 * How paths read in messages, the summary and the report: relative to the project directory when
 * they lie inside it ({@code ff-baseline.json}, {@code target/ff-benchmark/results.json}), absolute
 * otherwise, so that logs and published files do not carry the build machine's directory layout.
 *
 * @param directory the project directory, or null to show every path as given
 */
public record ProjectPaths(Path directory) {

    public ProjectPaths {
        directory = directory == null ? null : directory.toAbsolutePath().normalize();
    }

    /** Paths shown as given (no project directory known). */
    public static final ProjectPaths AS_GIVEN = new ProjectPaths(null);

    /** {@code path} relative to the project directory when inside it ("." for the directory itself), else absolute. */
    public String show(Path path) {
        if (path == null) {
            return "(none)";
        }
        if (directory == null) {
            return path.toString();
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(directory)) {
            return absolute.toString();
        }
        String relative = directory.relativize(absolute).toString();
        return relative.isEmpty() ? "." : relative;
    }
}
