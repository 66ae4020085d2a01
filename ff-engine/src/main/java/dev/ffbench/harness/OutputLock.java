package dev.ffbench.harness;

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

/**
 * One run per output directory: an operating-system lock on {@code <outputDirectory>/.ff-bench.lock},
 * held while a goal writes there. A second run (another Maven build, another CI job on the same
 * workspace) refuses at once, before it touches anything. The operating system releases the lock
 * when the holder exits, however it exits, so a killed build never leaves a stale lock. The file
 * itself stays (deleting it would let two runs lock two different files); it holds who locked it.
 * It is the one file the harness writes in place: a lock must stay the same file while held.
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
        if (!HELD.add(file)) {
            throw inUse(directory, file, "this JVM: another goal of the same build");
        }
        try {
            return lock(directory, file, goal);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    private static OutputLock lock(Path directory, Path file, String goal) throws IOException {
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
            throw inUse(directory, file, holder.isEmpty() ? "holder unknown" : holder);
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
        return new HarnessException("outputDirectory " + directory + " is in use by another ff-maven-plugin run ("
                + holder + "; lock " + file + "); allowed: one run per output directory at a time: wait for that run"
                + " to end, or give this one its own -Dff.outputDirectory. Nothing was written");
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
