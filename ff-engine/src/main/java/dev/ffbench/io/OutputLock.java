package dev.ffbench.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One run per output directory: an operating-system lock on {@code <outputDirectory>/.ff-bench.lock},
 * held while a goal writes there. A second run (another Maven build, another CI job on the same
 * workspace) refuses at once, before it touches anything. The operating system releases the lock
 * when the holder exits, however it exits, so a killed build never leaves a stale lock. The file
 * itself stays (deleting it would let two runs lock two different files); it holds who locked it.
 * It is the one file the harness writes in place: a lock must stay the same file while held.
 * ff:baseline and ff:history take the lock of the directory whose results they read
 * ({@link #acquireToRead}), so that they never record a previous run's results while a run is under way.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE_NAME = ".ff-bench.lock";

    /**
     * Lock files this JVM holds: checked before opening the file, because closing any channel on a
     * locked file may release the JVM's lock on it (POSIX record locks are per process).
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code directory} (created if missing) for {@code goal}, or throws naming who holds it. */
    public static OutputLock acquire(Path directory, String goal) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.toRealPath().resolve(FILE_NAME);
        return acquire(file, goal, holder -> inUse(directory, file, holder));
    }

    /**
     * Locks, for {@code goal} (ff:baseline, ff:history), the output directory of each of
     * {@code resultsFiles} while they are read, or throws naming who holds one: while ff:benchmark runs
     * there, its results.json is the previous run's (or none), not the run's. Only a directory holding a
     * lock file is locked: one that no run ever wrote (results downloaded from CI) has no run to wait
     * for, and is left without a lock file of its own.
     *
     * @param shown how messages show a path (relative to the project)
     */
    public static Readers acquireToRead(List<Path> resultsFiles, String goal, Function<Path, String> shown)
            throws IOException {
        List<OutputLock> locks = new ArrayList<>();
        try {
            for (Path results : resultsFiles) {
                Path directory = results.toAbsolutePath().normalize().getParent();
                if (directory == null || !Files.isRegularFile(directory.resolve(FILE_NAME))) {
                    continue;
                }
                Path file = directory.toRealPath().resolve(FILE_NAME);
                if (locks.stream().anyMatch(lock -> lock.file.equals(file))) {
                    continue; // two shards' results in one directory: one lock
                }
                locks.add(acquire(file, goal, holder -> new HarnessException(Problem.found("results file "
                        + shown.apply(results), "cannot be read: its directory is in use by another ff-maven-plugin run ("
                        + holder + "; lock " + file + "), whose results are not written yet", "the results of a finished"
                        + " run: wait for that run to end, then run ff:" + goal + " again. Nothing was written"))));
            }
        } catch (IOException | RuntimeException e) {
            new Readers(locks).close();
            throw e;
        }
        return new Readers(locks);
    }

    /** The locks {@link #acquireToRead} took, released together. */
    public static final class Readers implements AutoCloseable {
        private final List<OutputLock> locks;

        private Readers(List<OutputLock> locks) {
            this.locks = List.copyOf(locks);
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (OutputLock lock : locks) {
                try {
                    lock.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static OutputLock acquire(Path file, String goal, Function<String, HarnessException> inUse)
            throws IOException {
        if (!HELD.add(file)) {
            throw inUse.apply("this JVM: another goal of the same build");
        }
        try {
            return lock(file, goal, inUse);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static OutputLock lock(Path file, String goal, Function<String, HarnessException> inUse) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw inUse.apply(holder.isEmpty() ? "holder unknown" : holder);
        }
        byte[] who = ("pid " + ProcessHandle.current().pid() + ", ff:" + goal + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who), 0);
            channel.force(false);
        } catch (IOException e) {
            lock.release();
            channel.close();
            // a full disk says only "No space left on device": name the file
            java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(file.toString(), null,
                    "cannot be written (" + e.getMessage() + ")");
            named.initCause(e);
            throw named;
        }
        return new OutputLock(file, channel, lock);
    }

    private static HarnessException inUse(Path directory, Path file, String holder) {
        return new HarnessException(Problem.found("outputDirectory " + directory, "is in use by another ff-maven-plugin"
                + " run (" + holder + "; lock " + file + ")", "one run per output directory at a time: wait for that run"
                + " to end, or give this one its own -Dff.outputDirectory. Nothing was written"));
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            int read = channel.read(buffer, 0);
            return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            HELD.remove(file);
        }
    }
}
