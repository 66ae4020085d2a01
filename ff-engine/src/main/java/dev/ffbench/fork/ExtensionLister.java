package dev.ffbench.fork;

import dev.ffbench.cli.ExtensionListing;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code ff:list} shows: the extensions the cells' JVMs will see, read in a JVM started as they are.
 *
 * <p>Why a fork, not the Maven JVM: a cell discovers extensions through one flat class path (the engine's
 * entries, then the project's) with the forks' {@code java} and JVM arguments, while the Maven JVM would
 * see them through the plugin's class realm and a child loader, and would run the project's constructors
 * and option declarations (which may touch ND4J and its native libraries) inside the build. A listing made
 * there could name a provider, an origin or a duplicate differently from the cells; the fork's cannot.
 * It costs one JVM start.
 */
public final class ExtensionLister {
    /** How long the listing JVM may take; it only discovers classes, so this is generous. */
    static final long TIMEOUT_SECONDS = 120;

    private ExtensionLister() {}

    /**
     * Lists the extensions the forks of {@code fork} see, with {@code origins}' names for where each comes
     * from, and writes the listing's lines to {@code log}.
     *
     * @throws HarnessException when the listing JVM fails (e.g. two providers of one name, a JVM argument
     *     that keeps it from starting), with its own message
     */
    public static ExtensionListing list(ForkOptions fork, ClasspathOrigins origins, HarnessLog log) throws IOException {
        java.util.Optional<Problem> badJava = ForkJava.problem(fork.javaExecutable());
        if (badJava.isPresent()) {
            throw new HarnessException(badJava.get());
        }
        ExtensionListing listing = fork(fork).withOrigins(origins::label);
        listing.lines().forEach(log::info);
        return listing;
    }

    private static ExtensionListing fork(ForkOptions fork) throws IOException {
        Path json = Files.createTempFile("ff-bench-list", ".json");
        Path output = Files.createTempFile("ff-bench-list", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(fork.javaExecutable().toString());
            // a crash report goes to the temporary directory, never into the project (the working directory)
            command.add("-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/ff-bench-list-%p.log");
            command.add("-XX:-CreateCoredumpOnCrash");
            command.addAll(fork.jvmArgs());
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, fork.forkClasspath().stream().map(Path::toString).toList()));
            command.add(ForkOptions.ENGINE_MAIN_CLASS);
            command.addAll(List.of("list", "--json", json.toString()));
            Process process = new ProcessBuilder(command).directory(fork.workingDirectory().toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            boolean ended;
            try {
                ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while listing the forks' extensions");
            }
            if (!ended) {
                process.destroyForcibly();
                throw new HarnessException(Problem.found("the JVM listing the forks' extensions", "gave no answer within "
                        + TIMEOUT_SECONDS + " s", "a class path whose extensions can be created at once (no work in constructors)"));
            }
            if (process.exitValue() != 0 || Files.size(json) == 0) {
                throw new HarnessException("the JVM listing the forks' extensions ended with exit code " + process.exitValue()
                        + ": " + reason(Files.readString(output, StandardCharsets.UTF_8)));
            }
            return Json.mapper().readValue(json.toFile(), ExtensionListing.class);
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(output);
        }
    }

    /** The engine's own message ("ff-engine: ...", the problems discovery found), else the output's last line. */
    static String reason(String output) {
        String text = output.strip();
        int engine = text.lastIndexOf("ff-engine: ");
        if (engine >= 0) {
            return text.substring(engine + "ff-engine: ".length()).strip();
        }
        return text.isEmpty() ? "no output" : ForkLog.cap(text.substring(text.lastIndexOf('\n') + 1).strip());
    }
}
