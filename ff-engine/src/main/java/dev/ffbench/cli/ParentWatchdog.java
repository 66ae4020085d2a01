package dev.ffbench.cli;

import dev.ffbench.io.Problem;
import java.time.Duration;
import java.util.Optional;

/**
 * Ends a forked cell's JVM when the process that started it is gone. The harness passes its own
 * pid as the system property {@value #PARENT_PID_PROPERTY}; a daemon thread checks every
 * {@link #POLL} that this process still lives (by pid and start time, so a reused pid is not
 * mistaken for it) and otherwise halts the JVM with {@link #EXIT_PARENT_GONE}, without running
 * shutdown hooks and before the cell can write its result. So a build killed with {@code kill -9}
 * (an OOM killer, an IDE's stop button, a CI runner killing only the top process) leaves no
 * orphan that trains on and later writes into the output directory.
 */
public final class ParentWatchdog {
    /** The system property holding the parent's pid: {@code -Dff.parentPid=1234}. */
    public static final String PARENT_PID_PROPERTY = "ff.parentPid";
    /** The exit code of a JVM halted because its parent was gone. */
    public static final int EXIT_PARENT_GONE = 3;
    /** How often the parent is checked. */
    public static final Duration POLL = Duration.ofMillis(500);
    static final String THREAD_NAME = "ff-parent-watch";

    private ParentWatchdog() {}

    /**
     * Starts watching the parent named by {@value #PARENT_PID_PROPERTY}, if set; without it (the
     * command line run by hand) nothing is watched. A parent already gone halts the JVM at once.
     *
     * @throws IllegalArgumentException if the property is not a pid
     */
    public static void startIfRequested() {
        String value = System.getProperty(PARENT_PID_PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(new Problem(PARENT_PID_PROPERTY, value, "a process id").message());
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            halt(pid);
        }
        Thread watcher = new Thread(() -> watch(parent.get()), THREAD_NAME);
        watcher.setDaemon(true);
        watcher.setPriority(Thread.MAX_PRIORITY);
        watcher.start();
    }

    private static void watch(ProcessHandle parent) {
        while (true) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                // nobody interrupts this thread; keep watching
            }
            if (!parent.isAlive()) {
                halt(parent.pid());
            }
        }
    }

    private static void halt(long pid) {
        System.err.println("ff-engine: the parent process " + pid + " is gone (the build was killed): this cell's JVM stops"
                + " without writing its result (exit code " + EXIT_PARENT_GONE + ")");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_PARENT_GONE);
    }
}
