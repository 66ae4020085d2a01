package dev.ffbench.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.Json;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The history directory a team keeps (in the repository or as a CI cache): one
 * {@link HistoryEntry} JSON file per recorded run, named {@code <yyyyMMddTHHmmssZ>-<commit>.json} after
 * the run's date so that a plain listing is in time order. Files are only ever added, each written
 * atomically; other files in the directory (a README, {@code .gitkeep}) are left alone.
 *
 * @param directory the directory (absolute)
 * @param shownAs the directory as messages and the report name it (relative to the project)
 * @param runs the recorded runs, oldest first
 */
public record History(Path directory, String shownAs, List<Run> runs) {

    /** What every history file must be, for messages. */
    static final String ALLOWED = "a history file written by ff:history (JSON with schemaVersion "
            + HistoryEntry.SCHEMA_VERSION + ", kind \"" + HistoryEntry.KIND + "\", generatedAt and cells)";

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Lenient on unknown fields only: a newer plugin's additions must not break an older reader. */
    private static final ObjectReader READER = Json.mapper().readerFor(HistoryEntry.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public History {
        runs = List.copyOf(runs);
    }

    /**
     * One recorded run and its file.
     *
     * @param file the file name within the directory
     * @param entry what it holds
     */
    public record Run(String file, HistoryEntry entry) {}

    /** No history (no directory configured, or it does not exist yet). */
    public static History none(Path directory, String shownAs) {
        return new History(directory, shownAs, List.of());
    }

    /** True when no run is recorded. */
    public boolean isEmpty() {
        return runs.isEmpty();
    }

    /**
     * Reads every {@code *.json} file of {@code directory}, oldest run first. A missing directory (or
     * a null one) is an empty history; a file that is not a history entry is an error naming it, what
     * is wrong and what is allowed.
     */
    public static History read(Path directory, ProjectPaths paths) {
        if (directory == null) {
            return none(null, "(none)");
        }
        Path absolute = directory.toAbsolutePath().normalize();
        String shown = paths.show(absolute);
        if (!Files.exists(absolute)) {
            return none(absolute, shown);
        }
        if (!Files.isDirectory(absolute)) {
            throw new HarnessException(Problem.found("historyDirectory " + shown, "is a file", "a directory of files written"
                    + " by ff:history (or a path that does not exist yet)"));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(absolute)) {
            files = listing.filter(History::isEntryFile).sorted().toList();
        } catch (IOException e) {
            throw new HarnessException("historyDirectory " + shown + " cannot be listed: " + e.getMessage(), e);
        }
        List<Run> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(new Run(file.getFileName().toString(), readEntry(file, paths.show(file))));
        }
        runs.sort(Comparator.comparing((Run run) -> run.entry().generatedAt()).thenComparing(run -> run.entry().recordedAt())
                .thenComparing(Run::file));
        return new History(absolute, shown, runs);
    }

    private static boolean isEntryFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.startsWith(".") && Files.isRegularFile(file);
    }

    /** One history file, checked; errors name it as {@code shown}. */
    static HistoryEntry readEntry(Path file, String shown) {
        String thing = "history file " + shown;
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            HarnessException invalid = new HarnessException(Problem.found(thing, "is not valid JSON ("
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage()
                            : e.getMessage()) + ")", ALLOWED + ". Move the file out of the history directory or delete it"));
            invalid.initCause(e);
            throw invalid;
        }
        if (tree == null || !tree.isObject()) {
            throw new HarnessException(Problem.found(thing, "holds no JSON object", ALLOWED));
        }
        // the kind first: a results or baseline file dropped here is the likely mistake, whatever its version
        JsonNode kind = tree.get("kind");
        if (kind == null || !HistoryEntry.KIND.equals(kind.asText())) {
            throw new HarnessException(Problem.found(thing, "has kind " + (kind == null ? "(none)" : kind),
                    "\"" + HistoryEntry.KIND + "\" (a results or baseline file does not belong in the"
                    + " history directory: record results with mvn ff:history)"));
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt() || version.intValue() != HistoryEntry.SCHEMA_VERSION) {
            throw new HarnessException(Problem.found(thing, "has schemaVersion " + (version == null ? "(none)" : version),
                    HistoryEntry.SCHEMA_VERSION + " (this plugin's history schema)"));
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("generatedAt", "recordedAt", "cells")) {
            if (!tree.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new HarnessException(Problem.found(thing, "has no " + String.join(" and no ", missing), ALLOWED));
        }
        HistoryEntry entry;
        try {
            entry = READER.readValue(tree);
        } catch (IOException e) {
            HarnessException invalid = new HarnessException(Problem.found(thing, "does not follow history schema "
                    + HistoryEntry.SCHEMA_VERSION + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                            ? json.getOriginalMessage() : e.getMessage()), ALLOWED));
            invalid.initCause(e);
            throw invalid;
        }
        // the report marks a run whose gates failed: a verdict that contradicts itself would mark it wrongly
        List<Problem> problems = new ArrayList<>(entry.gates() == null ? List.of() : entry.gates().problems(thing));
        for (HistoryEntry.CellFigures cell : entry.cells()) {
            if (cell == null || cell.id() == null || cell.group() == null || cell.status() == null) {
                throw new HarnessException(Problem.found(thing, "has a cell without id, group or status", ALLOWED));
            }
            // the trends draw these figures: one out of its range would be drawn as if measured
            for (Metric metric : Metric.values()) {
                Double value = cell.metric(metric);
                if (value != null && !inRange(metric.unit(), value)) {
                    problems.add(Problem.found(thing + ": cell " + cell.id(), "has metrics." + metric.key() + " " + value,
                            allowed(metric.unit())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new HarnessException(problems.stream().map(Problem::message).toList(), problems);
        }
        return entry;
    }

    private static boolean inRange(Metric.Unit unit, double value) {
        return unit == Metric.Unit.FRACTION ? value >= 0 && value <= 1 : value >= 0 && !Double.isInfinite(value);
    }

    private static String allowed(Metric.Unit unit) {
        return switch (unit) {
            case BYTES -> ResultsFiles.BYTES;
            case FRACTION -> ResultsFiles.FRACTION;
            case RATE -> ResultsFiles.RATE;
            case SECONDS -> ResultsFiles.SECONDS;
        };
    }

    /**
     * The run already recorded with the same results (same date, commit and matrix), or null: recording
     * the same results twice would draw them twice.
     */
    public Run find(HistoryEntry entry) {
        return runs.stream().filter(run -> run.entry().generatedAt().equals(entry.generatedAt())
                && java.util.Objects.equals(run.entry().commit(), entry.commit())
                && run.entry().matrixCells() == entry.matrixCells()).findFirst().orElse(null);
    }

    /**
     * Writes {@code entry} as a new file of the directory (created if missing), atomically, named so
     * that files sort by the run's date; returns the file.
     */
    public Path append(HistoryEntry entry) throws IOException {
        String stamp;
        try {
            stamp = FILE_TIME.format(Instant.parse(entry.generatedAt()));
        } catch (DateTimeParseException e) {
            stamp = FILE_TIME.format(Instant.parse(entry.recordedAt()));
        }
        String base = stamp + "-" + (entry.commit() == null ? "nocommit" : entry.shortCommit());
        Files.createDirectories(directory);
        Path file = directory.resolve(base + ".json");
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve(base + "-" + n + ".json");
        }
        AtomicFiles.write(file, Json.write(entry));
        return file;
    }
}
