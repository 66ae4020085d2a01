package dev.ffbench.fork;

/**
 * A fork that dies of an uncaught exception without writing the engine's failure file, as a JVM whose engine
 * never got to run does. Its arguments are the engine's, so the system property {@code fork.ending} chooses
 * what ends it: {@code state} an IllegalStateException after a line
 * that mentions OutOfMemoryError, {@code heap} a real OutOfMemoryError (more heap than -Xmx allows). Forked by
 * {@link ForkBoundaryTest} in place of the engine.
 */
public final class UncaughtFork {
    private UncaughtFork() {}

    public static void main(String[] args) {
        if (System.getProperty("fork.ending").equals("state")) {
            System.out.println("a cache mentions java.lang.OutOfMemoryError in passing");
            throw new IllegalStateException("boom");
        }
        long[][] hog = new long[1024][];
        for (int i = 0; i < hog.length; i++) {
            hog[i] = new long[1024 * 1024]; // 8 MB each: far more than -Xmx64m
        }
        System.out.println("UncaughtFork: never here " + hog.length);
    }
}
