package dev.ffbench.experiment;

import java.io.PrintStream;
import java.util.Map;

/**
 * Keeps a project's code from ending the JVM it is discovered in (Maven's) in silence: while the guard
 * is open, a call to {@link System#exit} (or {@link Runtime#exit}) from any thread is turned into a failed
 * build: a shutdown hook names the code that called it and halts with {@link #EXIT_CODE}, so that an
 * algorithm, goodness function or dataset source whose constructor or declaration calls
 * {@code System.exit(0)} cannot end {@code mvn ff:benchmark} with exit code 0 and neither BUILD SUCCESS
 * nor FAILURE. A shutdown that no exit call started (Ctrl-C, SIGTERM) is left to the other hooks (the
 * harness's own keeps finished cells for resume). Java 17 offers no way to refuse the exit itself
 * (the security manager is deprecated for removal); failing loudly is what is left.
 */
public final class ExitGuard implements AutoCloseable {
    /** The exit code of a JVM whose exit the guard caught: a failure, whatever code the caller asked for. */
    public static final int EXIT_CODE = 1;

    private final Thread hook;

    private ExitGuard(Thread hook) {
        this.hook = hook;
    }

    /**
     * Opens the guard in Maven's JVM for {@code what} (e.g. "ff-maven-plugin"); close it when that code is done.
     *
     * @param err where the message goes (Maven's own log is being torn down by then: standard error)
     */
    public static ExitGuard open(String what, PrintStream err) {
        return open(what, "FF Bench ran in Maven's JVM", err);
    }

    /**
     * Opens the guard for {@code what} running {@code where} (e.g. "the cell", "its JVM ran the cell"): in a
     * cell's JVM the message is the last line of its log, which the harness reports as the cell's failure.
     */
    public static ExitGuard open(String what, String where, PrintStream err) {
        Thread hook = new Thread(() -> {
            StackTraceElement caller = exitCaller();
            if (caller == null) {
                return; // a signal, not an exit call: the other hooks handle it
            }
            err.println("[ERROR] " + what + " failed: the JVM was told to exit by " + dev.ffbench.dataset.ProviderCode.where(caller)
                    + " (System.exit, called by"
                    + " code on the project's class path while " + where + ": an algorithm, goodness"
                    + " function or dataset source must not end the JVM; allowed: throw an exception, which FF Bench"
                    + " reports)");
            err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "ff-bench-exit-guard");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ExitGuard(hook);
    }

    /** The frame that called {@link Runtime#exit} (through {@link System#exit} or not), or null when no thread did. */
    static StackTraceElement exitCaller() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] frames = thread.getValue();
            for (int i = 0; i < frames.length - 1; i++) {
                if (frames[i].getClassName().equals("java.lang.Runtime") && frames[i].getMethodName().equals("exit")) {
                    int caller = i + 1;
                    if (frames[caller].getClassName().equals("java.lang.System") && caller + 1 < frames.length) {
                        caller++;
                    }
                    return frames[caller];
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs or has run
        }
    }
}
