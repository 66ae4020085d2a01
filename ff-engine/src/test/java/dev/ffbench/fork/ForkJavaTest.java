package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.gate.GateParameters;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.MatrixParameters;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: a -Dff.java that is not a JVM failed every cell without naming the parameter or the path; it is
 * checked once, before any cell runs.
 */
class ForkJavaTest {
    private static final String ALLOWED = "the java executable of a Java 17 or later runtime"
            + " (<runtime>/bin/java), or no java parameter for the java running Maven";

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static Problem problem(Path java, String why) {
        return Problem.found("the forks' java (parameter java, -Dff.java)", "is '" + java + "': " + why, ALLOWED);
    }

    @Test
    void theJavaRunningTheBuildIsAJavaRuntime() throws Exception {
        assertEquals(Optional.empty(), ForkJava.problem(ForkOptions.currentJava()));
        // the same runtime by another path is asked for its version, and says it is Java 17 or later
        Path link = Files.createSymbolicLink(dir.resolve("java"), ForkOptions.currentJava());
        assertEquals(Optional.empty(), ForkJava.problem(link));
    }

    @Test
    void aPathThatIsNoExecutableFileIsNamedWithWhy() throws Exception {
        Path missing = dir.resolve("jdk/bin/java");
        assertEquals(Optional.of(problem(missing, "no such file")), ForkJava.problem(missing));

        Path plain = dir.resolve("plain");
        Files.writeString(plain, "not a program");
        assertEquals(Optional.of(problem(plain, "not executable")), ForkJava.problem(plain));

        Path home = Path.of(System.getProperty("java.home"));
        assertEquals(Optional.of(problem(home, "a directory (its java is " + home.resolve("bin/java") + ")")),
                ForkJava.problem(home));
    }

    @Test
    void aProgramThatIsNotJavaOrAnOlderJavaIsRefused() throws Exception {
        Path echo = script("echo.sh", "echo 'hello from a script'");
        assertEquals(Optional.of(problem(echo, "'" + echo + " -version' does not say it is a Java runtime (it printed: hello"
                + " from a script)")), ForkJava.problem(echo));

        Path failing = script("failing.sh", "echo 'no such option' >&2; exit 4");
        assertEquals(Optional.of(problem(failing, "'" + failing + " -version' exited with code 4 (it printed: no such"
                + " option)")), ForkJava.problem(failing));

        Path java11 = script("java11.sh", "echo 'openjdk version \"11.0.22\" 2024-01-16' >&2");
        assertEquals(Optional.of(problem(java11, "it is Java 11 (version \"11.0.22\")")), ForkJava.problem(java11));

        Path java8 = script("java8.sh", "echo 'java version \"1.8.0_401\"' >&2");
        assertEquals(Optional.of(problem(java8, "it is Java 8 (version \"1.8.0_401\")")), ForkJava.problem(java8));
    }

    @Test
    void aJavaThatReadsItsInputSeesItsEndAndAJava17OrLaterPasses() throws Exception {
        // cat waits for the end of its input: an open pipe would hold the check until its timeout
        Path java21 = script("java21.sh", "cat; echo 'openjdk version \"21.0.2\" 2024-01-16' >&2");
        assertEquals(Optional.empty(), ForkJava.problem(java21));
    }

    @Test
    void aBadJavaStopsTheBenchmarkBeforeAnyCellRuns() {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Path missing = dir.resolve("no-java");
        ForkOptions fork = new ForkOptions(missing, classpath, List.of("-Xmx64m"), Duration.ofMinutes(5), 1, dir);
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("1").widths("16")
                .dataset("synthetic:7:200:50").epochs("1").batchSize("50").maxStepsPerEpoch("1").build();
        RecordingLog log = new RecordingLog();
        Path out = dir.resolve("out");

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(new Harness.BenchmarkRequest(
                matrix, null, fork, GateParameters.defaults(), null, out, List.of(), false, null, null), log));

        assertEquals(List.of(problem(missing, "no such file")), e.typedProblems());
        // the sentence the build shows
        assertEquals(List.of("the forks' java (parameter java, -Dff.java) is '" + missing + "': no such file; allowed: the"
                + " java executable of a Java 17 or later runtime (<runtime>/bin/java), or no java parameter for the java"
                + " running Maven"), e.problems());
        assertEquals(List.of(), log.lines(), "no warning that the forks' memory could not be read: the java is the problem");
        assertFalse(Files.exists(out), "no cell ran, nothing was written");
    }
}
