package dev.ffbench.fork;

import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Json;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.CodeFingerprint;
import dev.ffbench.results.OutputLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the selected cells, {@code parallelCells} at a time, and writes each finished cell's record
 * to {@code cells/<id>.json} at once, so a crash or Ctrl-C keeps every cell that finished.
 */
public final class CellScheduler {
    private CellScheduler() {}

    /**
     * @param kept how many passed cells a resume kept in {@code cells/} (they do not run again)
     * @param code the {@link CodeFingerprint} of the forks' class path, recorded with every cell
     */
    public static List<CellRecord> run(List<Cell> cells, int kept, ForkOptions options, String code, OutputLayout layout,
            HarnessLog log) throws IOException {
        ForkedCellRunner runner = new ForkedCellRunner(options, layout, code);
        Progress progress = new Progress(log, cells, options.parallelCells());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelCells());
        Tally tally = new Tally(kept, kept + cells.size());
        Thread interrupted = new Thread(() -> {
            stop(runner, pool, layout);
            // the build ends now: say what is kept and how to go on, whatever Maven still prints after this
            log.warn(tally.interruptedMessage(layout));
        }, "ff-bench-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            List<Future<CellRecord>> futures = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int position = i + 1;
                Cell cell = cells.get(i);
                futures.add(pool.submit(() -> {
                    if (runner.stopping()) {
                        return null; // interrupted before this cell started: no "cell i/n" line for it
                    }
                    progress.started(position, cell);
                    CellRecord record = runner.run(cell);
                    if (record == null) {
                        return null; // interrupted: the cell stays missing, for -Dff.resume
                    }
                    write(layout, record);
                    tally.recorded(record);
                    progress.finished(position, record);
                    return record;
                }));
            }
            List<CellRecord> records = new ArrayList<>();
            for (Future<CellRecord> future : futures) {
                CellRecord record = future.get();
                if (record == null || runner.stopping()) {
                    throw new InterruptedException();
                }
                records.add(record);
            }
            records.sort(Comparator.comparingInt(CellRecord::index));
            return records;
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            Thread.currentThread().interrupt();
            // no cause: Maven would append its name ("...: InterruptedException") to the message
            throw new java.io.InterruptedIOException(tally.interruptedMessage(layout));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("the harness failed while running cells: " + cause, cause);
        } finally {
            // on a failure (a record that cannot be written) cells may still be queued or starting a fork:
            // none may start once this method returns, none may outlive it, and none may record a cell
            runner.stop();
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runner.destroyAll();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs anyway
            }
        }
    }

    /** The cells recorded so far, for the message of an interrupted run. */
    private static final class Tally {
        private final int kept;
        private final int total;
        private final java.util.concurrent.atomic.AtomicInteger passed = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();

        Tally(int kept, int total) {
            this.kept = kept;
            this.total = total;
        }

        void recorded(CellRecord record) {
            (record.isPassed() ? passed : failed).incrementAndGet();
        }

        /**
         * "ff:benchmark was interrupted: 2 of 6 cells finished and are kept in D (2 passed, 0 failed); ...
         * run the same command with -Dff.resume to run the other 4".
         */
        String interruptedMessage(OutputLayout layout) {
            int passedCells = kept + passed.get();
            int finished = passedCells + failed.get();
            return "ff:benchmark was interrupted: " + finished + " of " + total + " cells finished and are kept in "
                    + layout.cells() + " (" + passedCells + " passed" + (kept > 0 ? ", " + kept + " of them kept from the"
                    + " resumed run" : "") + ", " + failed.get() + " failed); the cells still running were stopped and"
                    + " recorded nothing, and no results.json was written. To finish, run the same command with"
                    + " -Dff.resume: it keeps the " + passedCells + " passed " + (passedCells == 1 ? "cell" : "cells")
                    + " and runs the other " + (total - passedCells);
        }
    }

    /**
     * The JVM is exiting mid-matrix (SIGTERM, Ctrl-C): no fork may outlive it and no file may be
     * left half-written. Forks are killed, the cell threads are told to record nothing and are
     * awaited (a cell record being written is finished whole), then the work files and any
     * temporary file are removed. Finished cells stay in cells/.
     */
    private static void stop(ForkedCellRunner runner, ExecutorService pool, OutputLayout layout) {
        runner.stop();
        pool.shutdown(); // not shutdownNow: interrupting a thread mid-write would lose a finished cell
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runner.destroyAll();
        removeTemporaryFiles(layout);
    }

    /** Everything in work/ (specs, raw results, partial logs) and every *.tmp left by an interrupted write. */
    public static void removeTemporaryFiles(OutputLayout layout) {
        for (Path directory : List.of(layout.work(), layout.cells(), layout.directory())) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    if (Files.isRegularFile(file)
                            && (directory.equals(layout.work()) || file.getFileName().toString().endsWith(".tmp"))) {
                        Files.deleteIfExists(file);
                    }
                }
            } catch (IOException e) {
                // best effort while the JVM exits; the next run clears work/ anyway
            }
        }
    }

    private static void write(OutputLayout layout, CellRecord record) {
        try {
            AtomicFiles.write(layout.cells().resolve(record.id() + ".json"), Json.write(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
