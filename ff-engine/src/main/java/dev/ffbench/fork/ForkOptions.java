package dev.ffbench.fork;

import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How cells are forked: the {@code java} to run, the class path holding the engine and its
 * dependencies, the project's own class path (its classes, test classes and dependencies, where the
 * user's algorithms, goodness functions and dataset sources live; after the engine's on the forks'
 * class path, and searched for extensions before any cell runs), JVM arguments, the per-cell
 * timeout, how many cells run at once, and the working directory (relative dataset directories
 * resolve against it).
 */
public record ForkOptions(
        Path javaExecutable,
        List<Path> classpath,
        List<String> jvmArgs,
        Duration timeout,
        int parallelCells,
        Path workingDirectory,
        List<Path> projectClasspath) {

    public static final String ENGINE_MAIN_CLASS = "dev.ffbench.cli.FfEngineCli";
    public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx2g");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** Forks with the engine's class path only: no project classes. */
    public ForkOptions(Path javaExecutable, List<Path> classpath, List<String> jvmArgs, Duration timeout,
            int parallelCells, Path workingDirectory) {
        this(javaExecutable, classpath, jvmArgs, timeout, parallelCells, workingDirectory, List.of());
    }

    public ForkOptions {
        classpath = List.copyOf(classpath);
        projectClasspath = projectClasspath == null ? List.of() : List.copyOf(projectClasspath);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * What is wrong with these options (none when they can run): checked by the harness with every other
     * input, so that all of them are reported at once.
     */
    public List<Problem> problems() {
        List<Problem> problems = new java.util.ArrayList<>();
        if (parallelCells < 1) {
            // said as the number it is, unquoted: the parameter is bound as an int
            problems.add(Problem.found("parallelCells", "is " + parallelCells, "a whole number >= 1"));
        }
        if (timeout.isNegative() || timeout.isZero()) {
            problems.add(Problem.found("cellTimeout", "is " + timeout.toSeconds() + " s", "a whole number of seconds >= 1"));
        }
        return problems;
    }

    /** The forks' class path: the engine's entries, then the project's entries not already in it. */
    public List<Path> forkClasspath() {
        java.util.LinkedHashSet<Path> entries = new java.util.LinkedHashSet<>(classpath);
        entries.addAll(projectClasspath);
        return List.copyOf(entries);
    }

    /** The {@code java} running this JVM: forks then use the same runtime as the build. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** "-Xmx2g -Dx=y" to its arguments (whitespace-separated; blank means the defaults). */
    public static List<String> parseJvmArgs(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_JVM_ARGS;
        }
        return List.of(text.trim().split("\\s+"));
    }
}
