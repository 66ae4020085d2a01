package dev.ffbench.fork;

import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forks' {@code java} (the plugin's parameter {@code java}, {@code -Dff.java}), checked once before any cell
 * runs: it must be an executable file whose {@code -version} says it is a Java runtime of version
 * {@value #MINIMUM_VERSION} or later. Otherwise every cell would fail alike, none naming the setting or the path.
 */
public final class ForkJava {
    /** The oldest Java the engine runs on. */
    static final int MINIMUM_VERSION = 17;
    /** How long {@code java -version} may take; a JVM answers in well under a second. */
    private static final long TIMEOUT_SECONDS = 60;
    /** The first line of a JVM's {@code -version}: {@code openjdk version "17.0.9" 2023-10-17}, {@code java version "1.8.0_401"}. */
    private static final Pattern VERSION_LINE = Pattern.compile("^\\S+ version \"((?:1\\.)?(\\d{1,4})[^\"]*)\"");

    private ForkJava() {}

    /** What is wrong with {@code java} as the forks' java, naming the parameter, the path and what is allowed; empty when nothing. */
    public static Optional<Problem> problem(Path java) {
        if (java.toAbsolutePath().normalize().equals(ForkOptions.currentJava().toAbsolutePath().normalize())) {
            // the java running this code: a Java 17 or later runtime by construction, not worth a JVM start
            return Optional.empty();
        }
        // the path is quoted as a value and followed by why it is not a java: a finding, not a note (", ")
        return why(java).map(why -> Problem.found("the forks' java (parameter java, -Dff.java)", "is '" + java + "': " + why,
                "the java executable of a Java " + MINIMUM_VERSION + " or later runtime (<runtime>/bin/java), or no java"
                + " parameter for the java running Maven"));
    }

    private static Optional<String> why(Path java) {
        if (Files.isDirectory(java)) {
            Path inside = java.resolve("bin").resolve("java");
            return Optional.of("a directory" + (Files.isRegularFile(inside) ? " (its java is " + inside + ")" : ""));
        }
        if (!Files.exists(java)) {
            return Optional.of("no such file");
        }
        if (!Files.isExecutable(java)) {
            return Optional.of("not executable");
        }
        Path out = null;
        try {
            out = Files.createTempFile("ff-bench-java-version", ".log");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-version"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            process.getOutputStream().close(); // nothing to read: a program that waits for input ends at once
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return Optional.of("'" + java + " -version' did not end within " + TIMEOUT_SECONDS + " s");
            }
            List<String> lines = ForkLog.lastLines(out, 50).stream().filter(line -> !line.isBlank()).toList();
            String printed = lines.isEmpty() ? "nothing" : String.join(" | ", lines.subList(0, Math.min(3, lines.size())));
            if (process.exitValue() != 0) {
                return Optional.of("'" + java + " -version' exited with code " + process.exitValue() + " (it printed: "
                        + printed + ")");
            }
            Optional<Matcher> version = lines.stream().map(VERSION_LINE::matcher).filter(Matcher::find).findFirst();
            if (version.isEmpty()) {
                return Optional.of("'" + java + " -version' does not say it is a Java runtime (it printed: " + printed + ")");
            }
            int feature = Integer.parseInt(version.get().group(2));
            return feature >= MINIMUM_VERSION ? Optional.empty()
                    : Optional.of("it is Java " + feature + " (version \"" + version.get().group(1) + "\")");
        } catch (IOException e) {
            return Optional.of("it cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while running '" + java + " -version'");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file: the system cleans it
                }
            }
        }
    }
}
