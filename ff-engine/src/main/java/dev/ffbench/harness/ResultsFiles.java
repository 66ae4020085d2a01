package dev.ffbench.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ffbench.experiment.AtomicFiles;
import dev.ffbench.experiment.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@link ResultsDocument}s: results files, shard results and baselines. Reading
 * checks the schema version, the kind and the document's own consistency, and names the file in
 * every error; writing is atomic (a temporary file, then a rename).
 */
public final class ResultsFiles {
    private ResultsFiles() {}

    public static void write(Path file, ResultsDocument document) throws IOException {
        AtomicFiles.write(file, Json.write(document));
    }

    /** A results document (kind "results") or a baseline (kind "baseline"), checked. */
    public static ResultsDocument read(Path file, String expectedKind) {
        return read(file, file.toString(), expectedKind);
    }

    /**
     * A results document or a baseline, checked; every error names the file as {@code shownAs}
     * (e.g. relative to the project directory).
     */
    public static ResultsDocument read(Path file, String shownAs, String expectedKind) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new HarnessException((ResultsDocument.BASELINE.equals(expectedKind) ? "baseline" : "results") + " file "
                    + shownAs + " is " + (Files.isDirectory(file) ? "a directory" : "not a regular file") + "; allowed: a "
                    + expectedKind + " document written by ff-maven-plugin");
        }
        if (!Files.isRegularFile(file)) {
            throw new HarnessException((ResultsDocument.BASELINE.equals(expectedKind) ? "baseline" : "results") + " file "
                    + shownAs + " does not exist" + (ResultsDocument.BASELINE.equals(expectedKind)
                    ? "; record one with mvn ff:baseline"
                    : "; run mvn ff:benchmark first, or list the shards' results.json files in ff.results"));
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw notJson(shownAs, expectedKind, e);
        }
        return check(tree, shownAs, expectedKind);
    }

    /**
     * A results document or a baseline from its JSON text (e.g. a baseline read from git), checked;
     * {@code source} names it in every error, e.g. "ff-baseline.json at origin/main".
     */
    public static ResultsDocument parse(String json, String source, String expectedKind) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw notJson(source, expectedKind, e);
        }
        return check(tree, source, expectedKind);
    }

    private static HarnessException notJson(String file, String expectedKind, IOException e) {
        return new HarnessException("file " + file + " is not valid JSON: " + originalMessage(e)
                + "; allowed: a " + expectedKind + " document written by ff-maven-plugin", e);
    }

    private static ResultsDocument check(JsonNode tree, String file, String expectedKind) {
        if (tree == null || !tree.isObject()) {
            throw new HarnessException("file " + file + " holds no JSON object; allowed: a " + expectedKind
                    + " document written by ff-maven-plugin");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt() || version.intValue() < ResultsDocument.OLDEST_READABLE_SCHEMA_VERSION
                || version.intValue() > ResultsDocument.SCHEMA_VERSION) {
            boolean older = version != null && version.isInt() && version.intValue() < ResultsDocument.OLDEST_READABLE_SCHEMA_VERSION;
            boolean newer = version != null && version.isInt() && version.intValue() > ResultsDocument.SCHEMA_VERSION;
            throw new HarnessException("file " + file + " has schemaVersion " + (version == null ? "(none)" : version)
                    + "; allowed: " + ResultsDocument.OLDEST_READABLE_SCHEMA_VERSION + " to " + ResultsDocument.SCHEMA_VERSION
                    + " (the results schemas this plugin reads)"
                    + (older ? "; it was written by an earlier ff-maven-plugin (schema 2 moved each algorithm's settings"
                    + " into spec.options), so measure again with this one: "
                    + (ResultsDocument.BASELINE.equals(expectedKind)
                            ? "move " + file + " aside (ff:benchmark reads the baseline before any cell runs), run"
                            + " mvn ff:benchmark, then mvn ff:baseline to re-record it"
                            : "mvn ff:benchmark") : "")
                    + (newer ? "; it was written by a newer ff-maven-plugin: read it with that one, or measure again"
                    + " with this one" : ""));
        }
        JsonNode kind = tree.get("kind");
        if (kind == null || !expectedKind.equals(kind.asText())) {
            throw new HarnessException("file " + file + " has kind " + (kind == null ? "(none)" : kind)
                    + "; allowed here: \"" + expectedKind + "\"");
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("matrixCells", "cells")) {
            if (!tree.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new HarnessException("file " + file + " has no " + String.join(" and no ", missing) + "; allowed: a "
                    + expectedKind + " document of results schema " + version.intValue()
                    + " as ff-maven-plugin writes it (schemaVersion, kind, matrixCells, cells)");
        }
        ResultsDocument document;
        try {
            document = Json.mapper().treeToValue(tree, ResultsDocument.class);
        } catch (JsonProcessingException e) {
            throw new HarnessException("file " + file + " does not follow results schema " + version.intValue()
                    + ": " + originalMessage(e), e);
        }
        checkConsistent(file, document);
        return document;
    }

    private static void checkConsistent(String file, ResultsDocument document) {
        List<String> problems = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CellRecord cell : document.cells()) {
            String where = "file " + file + ": cell " + cell.id();
            if (cell.id() == null || cell.spec() == null) {
                problems.add("file " + file + ": a cell has no id or spec; allowed: cells as ff-maven-plugin writes them");
                continue;
            }
            if (cell.index() < 0 || cell.index() >= document.matrixCells()) {
                problems.add(where + " has index " + cell.index() + "; allowed: 0 to " + (document.matrixCells() - 1)
                        + " (matrixCells is " + document.matrixCells() + ")");
            }
            if (!indexes.add(cell.index()) || !ids.add(cell.id())) {
                problems.add(where + " (index " + cell.index() + ") appears twice; allowed: each cell once");
            }
            if (!CellRecord.PASSED.equals(cell.status()) && !CellRecord.FAILED.equals(cell.status())) {
                problems.add(where + " has status " + cell.status() + "; allowed: passed, failed");
            } else if (CellRecord.PASSED.equals(cell.status()) && cell.result() == null) {
                problems.add(where + " passed but has no result; allowed: a passed cell with its result");
            } else if (CellRecord.PASSED.equals(cell.status())) {
                String field = missingResultField(cell.result());
                if (field != null) {
                    problems.add(where + " passed but its result has no " + field + "; allowed: a result as the engine"
                            + " writes it (memory.trainingPeak, memory.evaluationPeak, environment)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new HarnessException(problems);
        }
    }

    /**
     * One document from several (the shards of one matrix). Each file must come from the same
     * matrix and no cell may appear twice; cells come out in matrix order. The result may still lack
     * shards ({@link ResultsDocument#isComplete()}): each caller decides what that means.
     */
    public static ResultsDocument merge(List<Path> files, List<ResultsDocument> documents, String generatedAt,
            HarnessLog log) {
        if (documents.size() == 1) {
            return documents.get(0);
        }
        List<CellRecord> cells = new ArrayList<>();
        List<String> shards = new ArrayList<>();
        int matrixCells = documents.get(0).matrixCells();
        for (int f = 0; f < documents.size(); f++) {
            ResultsDocument document = documents.get(f);
            if (document.matrixCells() != matrixCells) {
                throw new HarnessException("results files " + files.get(0) + " (a " + matrixCells + "-cell matrix) and "
                        + files.get(f) + " (a " + document.matrixCells() + "-cell matrix) come from different matrices;"
                        + " allowed: the shards of one matrix");
            }
            for (CellRecord cell : document.cells()) {
                for (int earlier = 0; earlier < cells.size(); earlier++) {
                    CellRecord other = cells.get(earlier);
                    if (other.index() == cell.index()) {
                        throw new HarnessException(other.id().equals(cell.id())
                                ? "cell " + cell.id() + " is in more than one of the results files (" + files.get(f)
                                        + " and an earlier one); allowed: each shard's results once"
                                : "results file " + files.get(f) + " has cell " + cell.id() + " where an earlier file has "
                                        + other.id() + " (matrix position " + cell.index() + "); allowed: the shards of one matrix");
                    }
                }
                cells.add(cell);
            }
            shards.addAll(document.shards().isEmpty() ? List.of("1/1") : document.shards());
        }
        cells.sort(java.util.Comparator.comparingInt(CellRecord::index));
        // a shard missing is the caller's to judge: ff:check refuses it (unless allowed), ff:report warns
        return ResultsDocument.results(generatedAt, matrixCells, cells.size() == matrixCells ? List.of() : shards, cells);
    }

    /** The first field the gates and the report need that a passed result lacks, or null. */
    private static String missingResultField(dev.ffbench.experiment.ExperimentResult result) {
        if (result.memory() == null) {
            return "memory";
        }
        if (result.memory().trainingPeak() == null) {
            return "memory.trainingPeak";
        }
        if (result.memory().evaluationPeak() == null) {
            return "memory.evaluationPeak";
        }
        return result.environment() == null ? "environment" : null;
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
