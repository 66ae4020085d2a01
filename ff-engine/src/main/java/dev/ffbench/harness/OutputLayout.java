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

    /**
     * Where a cell's JVM writes its fatal-error report ({@code -XX:ErrorFile}) if it crashes; its
     * first lines are the failed cell's reason.
     */
    public Path crashReport(String cellId) {
        return cells().resolve(cellId + ".hs_err.log");
    }

    /** Where a cell's JVM writes compiler replay data ({@code -XX:ReplayDataFile}) if its JIT compiler crashes. */
    public Path compilerReplay(String cellId) {
        return cells().resolve(cellId + ".replay.log");
    }

    /** Where a cell's JVM writes a heap dump ({@code -XX:HeapDumpPath}), if jvmArgs ask for one on OutOfMemoryError. */
    public Path heapDump(String cellId) {
        return cells().resolve(cellId + ".hprof");
    }

    /** Every crash file a cell's JVM may leave: crash report, compiler replay data, heap dump. */
    public java.util.List<Path> crashFiles(String cellId) {
        return java.util.List.of(crashReport(cellId), compilerReplay(cellId), heapDump(cellId));
    }

    /** The specs handed to the forks and their raw results, until the cell record is written. */
    public Path work() {
        return directory.resolve("work");
    }
}
