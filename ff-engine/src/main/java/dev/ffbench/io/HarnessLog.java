package dev.ffbench.io;

/** Where the harness reports progress and warnings (the Maven log, a console, a test's list). */
public interface HarnessLog {

    void info(String message);

    void warn(String message);

    /** Writes to stderr: for callers without a logger of their own. */
    HarnessLog STDERR = new HarnessLog() {
        @Override
        public void info(String message) {
            System.err.println(message);
        }

        @Override
        public void warn(String message) {
            System.err.println("WARNING: " + message);
        }
    };
}
