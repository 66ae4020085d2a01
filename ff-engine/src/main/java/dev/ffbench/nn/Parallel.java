package dev.ffbench.nn;

import dev.ffbench.io.Problem;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the Java kernels on the run's threads: the spec's {@code threads} set how many threads the
 * matrix products use, and the kernels between them use as many (the calling thread and
 * {@code threads - 1} pool threads, started on first use).
 *
 * <p>The work is split into a fixed number of parts that does not depend on the threads: a kernel
 * that sums over rows sums each part on its own and then adds the parts in order, so its result is
 * the same to the bit whether one thread or two run it.
 */
public final class Parallel {
    /** Parts every split kernel uses, whatever the threads. */
    public static final int PARTS = 2;

    private static volatile int threads = 1;
    private static ExecutorService pool;

    private Parallel() {}

    /** The threads the kernels use from now on (the run's {@code threads}; 1 runs everything on the caller). */
    public static synchronized void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException(Problem.found("threads", "is " + count, ">= 1").message());
        }
        threads = count;
        if (count > 1 && pool == null) {
            pool = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "ffbench-kernel");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    public static int threads() {
        return threads;
    }

    /** A part of a split range: runs indexes {@code from..to} as part number {@code part}. */
    @FunctionalInterface
    public interface Part {
        void run(int part, int from, int to);
    }

    /** Where part {@code part} of {@code n} indexes split into {@link #PARTS} parts starts. */
    public static int start(int n, int part) {
        return (int) ((long) n * part / PARTS);
    }

    /**
     * Runs {@code body} on the {@link #PARTS} parts of {@code 0..n}: part 0 on the calling thread and
     * the others on pool threads when there are two threads or more and {@code n >= parallelFrom}
     * (smaller ranges are not worth a thread hand-off), else all parts on the calling thread, in order.
     * Returns when every part has finished; an exception of a part is rethrown.
     */
    public static void forParts(int n, int parallelFrom, Part body) {
        if (threads < 2 || n < parallelFrom) {
            for (int part = 0; part < PARTS; part++) {
                body.run(part, start(n, part), start(n, part + 1));
            }
            return;
        }
        Future<?> other = pool.submit(() -> body.run(1, start(n, 1), start(n, 2)));
        body.run(0, 0, start(n, 1));
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a kernel ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
