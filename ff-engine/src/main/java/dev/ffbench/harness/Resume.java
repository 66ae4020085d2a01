package dev.ffbench.harness;

import dev.ffbench.experiment.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -Dff.resume}: which cells of an interrupted (or partly failed) run are already done. A
 * cell counts as done when {@code cells/<id>.json} holds a passed record of exactly the cell's
 * spec; cells whose file is missing, failed, unreadable or from another configuration run again.
 */
final class Resume {
    private Resume() {}

    static List<CellRecord> finishedCells(List<Cell> cells, OutputLayout layout, HarnessLog log) {
        List<CellRecord> kept = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Cell cell : cells) {
            Path file = layout.cells().resolve(cell.id() + ".json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            CellRecord record;
            try {
                record = Json.mapper().readValue(file.toFile(), CellRecord.class);
            } catch (IOException e) {
                stale.add(cell.id() + " (" + file + " is not a cell record: " + e.getMessage().lines().findFirst().orElse("")
                        + ")");
                continue;
            }
            if (!cell.id().equals(record.id()) || !cell.spec().equals(record.spec())) {
                stale.add(cell.id() + " (its spec differs from the configuration's)");
            } else if (!record.isPassed()) {
                failed.add(cell.id());
            } else {
                kept.add(new CellRecord(cell.index(), record.id(), record.spec(), record.status(), record.result(),
                        record.failure(), record.logTail(), record.wallSeconds()));
            }
        }
        log.info("resume: " + kept.size() + " of " + cells.size() + " cells already passed in " + layout.cells()
                + " and are kept; " + (cells.size() - kept.size()) + " run now");
        if (!failed.isEmpty()) {
            log.info("resume: failed cells run again: " + String.join(", ", failed));
        }
        if (!stale.isEmpty()) {
            log.warn("resume: cell files not reused, their cells run again: " + String.join("; ", stale));
        }
        return kept;
    }
}
