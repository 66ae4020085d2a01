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

/**
 * Runs the selected cells, {@code parallelCells} at a time, and writes each finished cell's record
 * to {@code cells/<id>.json} at once, so a crash or Ctrl-C keeps every cell that finished.
 */
final class CellScheduler {
    private CellScheduler() {}

    static List<CellRecord> run(List<Cell> cells, ForkOptions options, OutputLayout layout, HarnessLog log)
            throws IOException {
        ForkedCellRunner runner = new ForkedCellRunner(options, layout);
        Progress progress = new Progress(log, cells.size(), options.parallelCells());
        Thread killForks = new Thread(runner::destroyAll, "ff-bench-kill-forks");
        Runtime.getRuntime().addShutdownHook(killForks);
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelCells());
        try {
            List<Future<CellRecord>> futures = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                int position = i + 1;
                Cell cell = cells.get(i);
                futures.add(pool.submit(() -> {
                    progress.started(position, cell);
                    CellRecord record = runner.run(cell);
                    write(layout, record);
                    progress.finished(position, record);
                    return record;
                }));
            }
            List<CellRecord> records = new ArrayList<>();
            for (Future<CellRecord> future : futures) {
                records.add(future.get());
            }
            records.sort(Comparator.comparingInt(CellRecord::index));
            return records;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while cells were running; finished cells are in " + layout.cells(), e);
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
                Runtime.getRuntime().removeShutdownHook(killForks);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs anyway
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
