package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A project's code that calls System.exit in the JVM FF Bench was discovered in (Maven's) fails the
 * run with a message naming the caller, instead of ending it with the code it asked for in silence.
 * Each case runs in a JVM of its own ({@link ExitingMain}).
 */
class ExitGuardTest {
    @Test
    void anExitWhileTheGuardIsOpenFailsNamingTheCaller() throws Exception {
        Run run = run("guarded");
        assertEquals(ExitGuard.EXIT_CODE, run.exit(), run.err());
        assertTrue(run.err().contains("[ERROR] ff-maven-plugin failed: the JVM was told to exit by "
                + ExitingMain.Provider.class.getName() + ".<init>(ExitGuardTest.java:"), run.err());
        assertTrue(run.err().contains("an algorithm, goodness function or dataset source must not end the JVM; allowed:"
                + " throw an exception, which FF Bench reports)"), run.err());
    }

    @Test
    void onceClosedTheGuardLeavesExitsAlone() throws Exception {
        Run run = run("closed");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
    }

    private record Run(int exit, String err) {}

    private static Run run(String mode) throws Exception {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExitingMain.class.getName(), mode))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        return new Run(process.exitValue(), err);
    }

    /** A JVM in which a provider's constructor calls System.exit(0), with the guard open or closed. */
    public static final class ExitingMain {
        public static void main(String[] args) {
            if (args[0].equals("guarded")) {
                try (ExitGuard guard = ExitGuard.open("ff-maven-plugin", System.err)) {
                    new Provider();
                }
            } else {
                ExitGuard.open("ff-maven-plugin", System.err).close();
                new Provider();
            }
        }

        /** A provider whose constructor ends the JVM, as a user's might. */
        public static final class Provider {
            Provider() {
                System.exit(0);
            }
        }
    }
}
