package dev.ffbench.results;

import dev.ffbench.io.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the harness writes, under one output directory (default {@code target/ff-benchmark}). */
public record OutputLayout(Path directory) {
    /** The name of the gates' verdict beside results.json: here, below the writers that write and read it. */
    public static final String GATES_FILE = "gates.json";


    public OutputLayout {
        directory = directory.toAbsolutePath().normalize();
    }

    /**
     * What makes {@code directory} unusable as the output directory, found before anything runs: it
     * must be a directory, or be missing with a directory as its nearest existing ancestor (it is
     * then created). Empty when it is usable.
     */
    public static Optional<Problem> check(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        String thing = "outputDirectory " + absolute;
        String allowed = "a directory (it is created if missing)";
        if (Files.exists(absolute)) {
            return Files.isDirectory(absolute) ? Optional.empty()
                    : Optional.of(Problem.found(thing, "is " + kind(absolute), allowed));
        }
        for (Path ancestor = absolute.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                return Files.isDirectory(ancestor) ? Optional.empty()
                        : Optional.of(Problem.found(thing, "cannot be created: " + ancestor + " is " + kind(ancestor), allowed));
            }
        }
        return Optional.empty();
    }

    /** "a regular file", or "not a directory (a special file)" for a device, a socket or a pipe. */
    static String kind(Path path) {
        return Files.isRegularFile(path) ? "a regular file" : "not a directory (a special file)";
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

    /** The gates' verdict on the results beside it, which ff:history records ({@code HistoryVerdict}). */
    public Path gates() {
        return directory.resolve(GATES_FILE);
    }

    /**
     * The documents a run writes when it ends (results, summary, JUnit XML, report, the gates' verdict), which
     * ff:check, ff:report, ff:baseline and ff:history read: removed when the next run starts, so that a run
     * that fails or is interrupted leaves none of its predecessor's beside its own cells (an earlier run's
     * "passed" in gates.json must not stand for a run that never ended).
     */
    public java.util.List<Path> documents() {
        return java.util.List.of(results(), summary(), junit(), report(), gates());
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
