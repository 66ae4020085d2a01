package dev.ffbench.harness;

import dev.ffbench.experiment.AtomicFiles;
import dev.ffbench.experiment.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the selected cells, {@code parallelCells} at a time, and writes each finished cell's record
 * to {@code cells/<id>.json} at once, so a crash or Ctrl-C keeps every cell that finished.
 */
final class CellScheduler {
    private CellScheduler() {}

    static List<CellRecord> run(List<Cell> cells, ForkOptions options, OutputLayout layout, HarnessLog log)
            throws IOException {
        return run(cells, cells.size(), options, layout, log);
    }

    /**
     * @param matrixCells how many cells the progress counts (cells kept by a resume are not run again)
     */
    static List<CellRecord> run(List<Cell> cells, int matrixCells, ForkOptions options, OutputLayout layout,
            HarnessLog log) throws IOException {
        ForkedCellRunner runner = new ForkedCellRunner(options, layout);
        Progress progress = new Progress(log, cells.size(), options.parallelCells());
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelCells());
        Thread interrupted = new Thread(() -> stop(runner, pool, layout), "ff-bench-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            List<Future<CellRecord>> futures = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int position = i + 1;
                Cell cell = cells.get(i);
                futures.add(pool.submit(() -> {
                    progress.started(position, cell);
                    CellRecord record = runner.run(cell);
                    if (record == null) {
                        return null; // interrupted: the cell stays missing, for -Dff.resume
                    }
                    write(layout, record);
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
            throw new IOException("interrupted while cells were running; the finished cells are in " + layout.cells()
                    + ": -Dff.resume runs only the missing ones", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("the harness failed while running cells: " + cause, cause);
        } finally {
            pool.shutdownNow();
            runner.destroyAll();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs anyway
            }
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
    static void removeTemporaryFiles(OutputLayout layout) {
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
