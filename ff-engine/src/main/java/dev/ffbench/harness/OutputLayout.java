package dev.ffbench.harness;

import java.nio.file.Path;

/** Where the harness writes, under one output directory (default {@code target/ff-benchmark}). */
public record OutputLayout(Path directory) {

    public OutputLayout {
        directory = directory.toAbsolutePath().normalize();
    }

    public Path results() {
        return directory.resolve("results.json");
    }

    public Path summary() {
        return directory.resolve("summary.md");
    }

    /** Named like Surefire's reports, so CI test tabs that collect TEST-*.xml find it. */
    public Path junit() {
        return directory.resolve("TEST-ff-benchmark.xml");
    }

    public Path report() {
        return directory.resolve("report.html");
    }

    /** One {@code <id>.json} per finished cell, written the moment it finishes, and its {@code <id>.log}. */
    public Path cells() {
        return directory.resolve("cells");
    }

    /** The specs handed to the forks and their raw results, until the cell record is written. */
    public Path work() {
        return directory.resolve("work");
    }
}
