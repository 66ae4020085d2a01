package dev.ffbench.fork;

import dev.ffbench.dataset.DatasetFile;
import dev.ffbench.dataset.DatasetFingerprint;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.CodeFingerprint;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code -Dff.resume}: which cells of an interrupted (or partly failed) run are already done. A
 * cell counts as done when {@code cells/<id>.json} holds a passed record of exactly the cell's
 * spec, with its figures in range, run by the code the cells run now ({@link CodeFingerprint}) and
 * measured on the data its dataset holds now; cells whose file is missing, failed, unreadable, from
 * another configuration, other code or other data run again.
 *
 * <p>The data: a spec names its dataset (a directory, a source), not its content, so files replaced
 * under the same names would keep the old cells beside new ones, and results.json would mix two
 * datasets under one name. Each result records the hash of the content it was measured on
 * ({@code dataset.fingerprint.contentHash}); the harness reads each dataset with a cell to keep once,
 * with the same reader the cell's JVM uses, and keeps the cell only when the two hashes are equal.
 * File names, sizes or dates would be cheaper but not sound: MNIST and Fashion-MNIST have the same
 * names and sizes, a copy changes dates but not content, and results record no dates. Reading costs one
 * load of each such dataset (about a second for MNIST), only with -Dff.resume.
 */
public final class Resume {
    private Resume() {}

    /**
     * The passed cells to keep, each at its index in {@code cells}.
     *
     * @param currentData the fingerprint of a dataset (as a spec names it) as it is now, read as a cell's
     *     JVM reads it; throws (a {@link RuntimeException}) when it cannot be read
     */
    public static List<CellRecord> finishedCells(List<Cell> cells, OutputLayout layout, String currentCode,
            Function<String, DatasetFingerprint> currentData, HarnessLog log) {
        List<CellRecord> kept = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> otherCode = new ArrayList<>();
        Map<String, Object> now = new HashMap<>(); // dataset -> its fingerprint now, or why it cannot be read
        Map<Change, List<String>> otherData = new LinkedHashMap<>(); // what changed -> the cells measured before
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
                continue;
            }
            if (!record.isPassed()) {
                failed.add(cell.id());
                continue;
            }
            if (!currentCode.equals(record.code())) {
                // a project's algorithm changed since (or the engine did): its old figures would pass unmeasured
                otherCode.add(cell.id());
                continue;
            }
            // the kept record goes into results.json unread again: its figures are checked as a results file's are
            String missing = ResultsFiles.missingResultField(record.result());
            // a stale cell's reason is one line of the log: the problems are worded here, where they end
            String where = "file " + file + ": cell " + cell.id();
            List<String> problems = missing != null ? List.of(where + " has no " + missing)
                    : ResultsFiles.figureChecks(where, record.result()).stream().map(Problem::message).toList();
            if (!problems.isEmpty()) {
                stale.add(cell.id() + " (" + String.join("; ", problems) + ")");
                continue;
            }
            String dataset = cell.spec().dataset();
            DatasetFingerprint then = record.result().dataset() == null ? null : record.result().dataset().fingerprint();
            if (then == null || then.contentHash() == null) {
                stale.add(cell.id() + " (its result records no dataset fingerprint, so whether dataset " + dataset
                        + " changed since cannot be told)");
                continue;
            }
            Object current = now.computeIfAbsent(dataset, name -> {
                try {
                    return currentData.apply(name);
                } catch (RuntimeException e) {
                    return String.valueOf(e.getMessage());
                }
            });
            if (current instanceof String problem) {
                stale.add(cell.id() + " (dataset " + dataset + " cannot be read now: " + problem + ")");
            } else if (!then.contentHash().equals(((DatasetFingerprint) current).contentHash())) {
                otherData.computeIfAbsent(new Change(dataset, changed(then, (DatasetFingerprint) current)),
                        k -> new ArrayList<>()).add(cell.id());
            } else {
                kept.add(new CellRecord(cell.index(), record.id(), record.spec(), record.status(), record.result(),
                        record.failure(), record.logTail(), record.wallSeconds(), record.code()));
            }
        }
        log.info("resume: " + kept.size() + " of " + cells.size() + " cells already passed in " + layout.cells()
                + " and are kept; " + (cells.size() - kept.size()) + " run now");
        if (!failed.isEmpty()) {
            log.info("resume: failed cells run again: " + String.join(", ", failed));
        }
        otherData.forEach((change, ids) -> log.warn("resume: dataset " + change.dataset() + " holds other data than when "
                + (ids.size() == 1 ? "cell " + ids.get(0) + " was" : "cells " + String.join(", ", ids) + " were")
                + " measured on it (" + change.details() + "); " + (ids.size() == 1 ? "it runs" : "they run") + " again"));
        if (!otherCode.isEmpty()) {
            log.warn("resume: " + (otherCode.size() == 1 ? "cell " + otherCode.get(0) + " was" : "cells "
                    + String.join(", ", otherCode) + " were") + " measured with other code than the cells run now (the"
                    + " classes on the forks' class path changed since: the project's or the engine's); "
                    + (otherCode.size() == 1 ? "it runs" : "they run") + " again");
        }
        if (!stale.isEmpty()) {
            log.warn("resume: cell files not reused, their cells run again: " + String.join("; ", stale));
        }
        return kept;
    }

    /** A dataset whose content changed, and how: the cells measured on its earlier content run again. */
    private record Change(String dataset, String details) {}

    /**
     * "content sha256:… (2 files, 9,000 B) then, sha256:… (2 files, 9,000 B) now: the same files and sizes, other
     * content": the two fingerprints and what changed, file by file.
     */
    private static String changed(DatasetFingerprint then, DatasetFingerprint now) {
        Map<String, Long> before = sizes(then.files());
        Map<String, Long> after = sizes(now.files());
        List<String> changes = new ArrayList<>();
        before.forEach((name, bytes) -> {
            Long size = after.get(name);
            if (size == null) {
                changes.add(name + " is no longer read");
            } else if (!size.equals(bytes)) {
                changes.add(name + " " + bytes(bytes) + " then, " + bytes(size) + " now");
            }
        });
        after.forEach((name, bytes) -> {
            if (!before.containsKey(name)) {
                changes.add(name + " (" + bytes(bytes) + ") is read now");
            }
        });
        return "content " + then.brief() + " then, " + now.brief() + " now: " + (changes.isEmpty()
                ? "the same files and sizes, other content" : String.join("; ", changes));
    }

    private static Map<String, Long> sizes(List<DatasetFile> files) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (DatasetFile file : files) {
            if (file != null) {
                sizes.put(file.name(), file.bytes());
            }
        }
        return sizes;
    }

    private static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,d B", bytes);
    }
}
