package dev.ffbench.results;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Problem;
import dev.ffbench.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {
    @TempDir
    Path dir;

    private final List<CellRecord> cells = List.of(
            passed(0, "ff-d2", spec("ff-base", 2, 16, 1), 1000, 500, 0.9),
            passed(1, "bp-d2", spec("backprop", 2, 16, 1), 2000, 600, 0.8),
            TestCells.failed(2, "ff-d4", spec("ff-base", 4, 16, 1), "timed out after 5 s (cellTimeout); the JVM was killed"));

    private ResultsDocument shard(int index, int count) {
        List<CellRecord> part = cells.stream().filter(c -> c.index() % count == index - 1).toList();
        return ResultsDocument.results("now", cells.size(), List.of(index + "/" + count), part);
    }

    @Test
    void writesTheVersionedSchemaAndReadsItBackUnchanged() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsDocument document = TestCells.results(cells);
        ResultsFiles.write(file, document);

        JsonNode json = Json.mapper().readTree(file.toFile());
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("schemaVersion", "kind", "generatedAt", "matrixCells", "shards", "fingerprint", "cells"), fields);
        assertEquals(3, json.get("schemaVersion").asInt());
        assertEquals(2, json.at("/cells/0/spec/depth").asInt(), "each cell's spec, once");
        assertTrue(json.at("/cells/0/result/spec").isMissingNode(), "the result holds no second copy of it");
        assertEquals("results", json.get("kind").asText());
        assertEquals("AMD EPYC", json.at("/fingerprint/cpuModel").asText());
        assertEquals("passed", json.at("/cells/0/status").asText());
        assertEquals(1000, json.at("/cells/0/result/memory/trainingPeak").properties().stream()
                .mapToLong(e -> e.getValue().asLong()).sum());
        assertEquals("failed", json.at("/cells/2/status").asText());
        assertEquals("timed out after 5 s (cellTimeout); the JVM was killed", json.at("/cells/2/failure").asText());
        assertTrue(json.at("/cells/2/result").isMissingNode(), "a failed cell has no result");

        assertEquals(document, ResultsFiles.read(file, ResultsDocument.RESULTS));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left beside results.json");
        }
    }

    @Test
    void aSchema2DocumentWithTheSpecInsideEachResultStillReads() throws Exception {
        Path file = dir.resolve("ff-baseline.json");
        ResultsDocument document = TestCells.results(cells);
        com.fasterxml.jackson.databind.node.ObjectNode tree = Json.mapper().valueToTree(document);
        tree.put("schemaVersion", 2);
        for (JsonNode cell : tree.get("cells")) {
            if (cell.has("result")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) cell.get("result")).set("spec", cell.get("spec"));
            }
        }
        Files.writeString(file, Json.write(tree));

        ResultsDocument read = ResultsFiles.read(file, ResultsDocument.RESULTS);
        assertEquals(document.cells(), read.cells());
        assertEquals(cells.get(0).spec(), read.cells().get(0).result().spec(), "the result carries its cell's spec");
    }

    @Test
    void mergedShardsEqualTheWholeRun() throws Exception {
        List<Path> files = List.of(dir.resolve("2.json"), dir.resolve("1.json"));
        ResultsFiles.write(files.get(0), shard(2, 2));
        ResultsFiles.write(files.get(1), shard(1, 2));
        List<ResultsDocument> read = files.stream().map(f -> ResultsFiles.read(f, ResultsDocument.RESULTS)).toList();

        ResultsDocument merged = ResultsFiles.merge(files, read, "now", HarnessLog.STDERR);

        assertEquals(cells, merged.cells());
        assertEquals(List.of(), merged.shards(), "complete: no shard is missing");
        assertEquals(3, merged.matrixCells());
    }

    @Test
    void mergingRejectsTheSameShardTwiceAndResultsOfDifferentMatrices() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        ResultsDocument one = shard(1, 2);
        HarnessException twice = assertThrows(HarnessException.class,
                () -> ResultsFiles.merge(List.of(a, b), List.of(one, one), "now", HarnessLog.STDERR));
        assertEquals(List.of(Problem.found("cell ff-d2", "is in more than one of the results files (" + b
                + " and an earlier one)", "each shard's results once")), twice.typedProblems());

        ResultsDocument other = ResultsDocument.results("now", 7, List.of("2/2"), List.of());
        HarnessException different = assertThrows(HarnessException.class,
                () -> ResultsFiles.merge(List.of(a, b), List.of(one, other), "now", HarnessLog.STDERR));
        assertEquals(List.of(Problem.found("results files " + a + " (a 3-cell matrix) and " + b + " (a 7-cell matrix)",
                "come from different matrices", "the shards of one matrix")), different.typedProblems());
    }

    @Test
    void badFilesAreNamedWithWhatIsWrongAndWhatIsAllowed() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertEquals("results file " + missing + " does not exist; run mvn ff:benchmark first, or list the shards'"
                + " results.json files in ff.results",
                assertThrows(HarnessException.class, () -> ResultsFiles.read(missing, ResultsDocument.RESULTS)).getMessage());

        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "{ nope");
        assertTrue(assertThrows(HarnessException.class, () -> ResultsFiles.read(notJson, ResultsDocument.RESULTS))
                .getMessage().startsWith("file " + notJson + " is not valid JSON: "));

        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"schemaVersion\": 4, \"kind\": \"results\"}");
        assertEquals("file " + future + " has schemaVersion 4; allowed: 2 to 3 (the results schemas this plugin reads); it"
                + " was written by a newer ff-maven-plugin: read it with that one, or measure again with this one",
                assertThrows(HarnessException.class, () -> ResultsFiles.read(future, ResultsDocument.RESULTS)).getMessage());

        // a baseline of the first schema (one flat spec) is not migrated: the message says how to re-record it
        Path older = dir.resolve("ff-baseline.json");
        Files.writeString(older, "{\"schemaVersion\": 1, \"kind\": \"baseline\", \"matrixCells\": 0, \"cells\": []}");
        assertEquals("file " + older + " has schemaVersion 1; allowed: 2 to 3 (the results schemas this plugin reads); it was written"
                + " by an earlier ff-maven-plugin (schema 2 moved each algorithm's settings into spec.options), so measure"
                + " again with this one: move " + older + " aside (ff:benchmark reads the baseline before any cell runs), run"
                + " mvn ff:benchmark, then mvn ff:baseline to re-record it",
                assertThrows(HarnessException.class, () -> ResultsFiles.read(older, ResultsDocument.BASELINE)).getMessage());

        Path results = dir.resolve("results.json");
        ResultsFiles.write(results, TestCells.results(cells));
        assertEquals(List.of(Problem.found("file " + results, "has kind \"results\"", "\"baseline\" (the kind read here)")),
                assertThrows(HarnessException.class, () -> ResultsFiles.read(results, ResultsDocument.BASELINE)).typedProblems());

        Path unknownField = dir.resolve("unknown.json");
        Files.writeString(unknownField, "{\"schemaVersion\": 2, \"kind\": \"results\", \"matrixCells\": 0, \"cells\": [], \"colour\": 1}");
        assertTrue(assertThrows(HarnessException.class, () -> ResultsFiles.read(unknownField, ResultsDocument.RESULTS))
                .getMessage().startsWith("file " + unknownField + " does not follow results schema 2: Unrecognized field \"colour\""));
    }

    @Test
    void aCellOutsideTheMatrixIsRejected() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsFiles.write(file, ResultsDocument.results("now", 2, List.of(), cells));
        HarnessException e = assertThrows(HarnessException.class, () -> ResultsFiles.read(file, ResultsDocument.RESULTS));
        assertEquals(List.of(Problem.found("file " + file + ": cell ff-d4", "has index 2", "0 to 1 (matrixCells is 2)")),
                e.typedProblems());
    }

    @Test
    void missingFieldsAreNamedWithTheFile() throws Exception {
        Path noCells = dir.resolve("no-cells.json");
        Files.writeString(noCells, "{\"schemaVersion\": 2, \"kind\": \"baseline\"}");
        assertEquals(List.of(Problem.found("file " + noCells, "has no matrixCells and no cells", "a baseline document of"
                + " results schema 2 as ff-maven-plugin writes it (schemaVersion, kind, matrixCells, cells)")),
                assertThrows(HarnessException.class, () -> ResultsFiles.read(noCells, ResultsDocument.BASELINE)).typedProblems());

        Path noMemory = dir.resolve("no-memory.json");
        ResultsFiles.write(noMemory, TestCells.results(cells));
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) dev.ffbench.io.Json.mapper().readTree(noMemory.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("cells").get(1).get("result")).remove("memory");
        Files.writeString(noMemory, tree.toString());
        assertEquals(List.of(Problem.found("file " + noMemory + ": cell bp-d2", "passed but its result has no memory",
                "a result as the engine writes it (memory.trainingPeak, memory.evaluationPeak, environment)")),
                assertThrows(HarnessException.class, () -> ResultsFiles.read(noMemory, ResultsDocument.RESULTS)).typedProblems());

        Path noId = dir.resolve("no-id.json");
        tree = (com.fasterxml.jackson.databind.node.ObjectNode) dev.ffbench.io.Json.mapper()
                .readTree(Json(TestCells.results(cells)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("cells").get(0)).remove("id");
        Files.writeString(noId, tree.toString());
        assertEquals(List.of(Problem.found("file " + noId + ": a cell", "has no id or spec", "cells as ff-maven-plugin writes them")),
                assertThrows(HarnessException.class, () -> ResultsFiles.read(noId, ResultsDocument.RESULTS)).typedProblems());
    }

    @Test
    void everyFigureOutOfItsRangeIsNamedWithTheFileTheCellTheFieldTheValueAndWhatIsAllowed() throws Exception {
        Path file = dir.resolve("ff-baseline.json");
        ObjectNode tree = Json.mapper().valueToTree(new ResultsDocument(ResultsDocument.SCHEMA_VERSION,
                ResultsDocument.BASELINE, "then", cells.size(), List.of(), null, cells));
        ObjectNode ff = (ObjectNode) tree.at("/cells/0/result");
        ((ObjectNode) ff.at("/memory/trainingPeak")).put("parameters", -10);
        ff.put("testAccuracy", 1.5);
        ff.set("losses", Json.mapper().readTree("[{\"epoch\": 1, \"layer\": 1, \"loss\": 0.7},"
                + " {\"epoch\": 2, \"layer\": 1, \"loss\": \"NaN\"}]"));
        ((ObjectNode) ff.get("memory")).put("datasetBytes", -5);
        ObjectNode bp = (ObjectNode) tree.at("/cells/1/result");
        bp.put("samplesPerSecond", "Infinity");
        ((ObjectNode) bp.at("/curve/0")).put("testAccuracy", -0.1);
        ((ObjectNode) bp.at("/memory/trainingPhases/0/memory")).put("transientBytes", -1);
        ((ObjectNode) bp.at("/evaluation")).put("chanceAccuracy", 2);
        ((ObjectNode) bp.at("/dataset")).put("trainImages", -400);
        ((ObjectNode) tree.at("/cells/2")).put("wallSeconds", -1);
        Files.writeString(file, Json.write(tree));

        HarnessException e = assertThrows(HarnessException.class, () -> ResultsFiles.read(file, ResultsDocument.BASELINE));

        String ffCell = "file " + file + ": cell ff-d2 has ";
        String bpCell = "file " + file + ": cell bp-d2 has ";
        assertEquals(List.of(
                ffCell + "testAccuracy 1.5; allowed: a fraction from 0 to 1",
                ffCell + "losses[1].loss NaN (epoch 2); allowed: a finite number (a non-finite loss is a diverged cell,"
                        + " which is a failed cell, never a passed one)",
                ffCell + "memory.trainingPeak.parameters -10; allowed: a byte count >= 0",
                ffCell + "memory.datasetBytes -5; allowed: a byte count >= 0",
                bpCell + "samplesPerSecond Infinity; allowed: a finite rate >= 0 (images per second)",
                bpCell + "curve[0].testAccuracy -0.1; allowed: a fraction from 0 to 1",
                bpCell + "memory.trainingPhases[0].memory.transientBytes -1; allowed: a byte count >= 0",
                bpCell + "evaluation.chanceAccuracy 2.0; allowed: a fraction from 0 to 1",
                bpCell + "dataset.trainImages -400; allowed: a whole number >= 1",
                "file " + file + ": cell ff-d4 has wallSeconds -1.0; allowed: a finite number of seconds >= 0"),
                e.problems(), "every problem at once, as the user reads it (the package's wording, pinned)");
        assertEquals(e.problems(), e.typedProblems().stream().map(Problem::message).toList());
        assertTrue(e.getMessage().startsWith("10 problems:\n  "), e.getMessage());
    }

    @Test
    void eachEpochSecondsEntryIsCheckedNamingTheFileTheCellTheFieldAndTheValue() throws Exception {
        Path file = dir.resolve("results.json");
        ObjectNode tree = Json.mapper().valueToTree(TestCells.results(cells));
        ((ObjectNode) tree.at("/cells/0/result")).set("epochSeconds", Json.mapper().readTree("[{\"phase\": \"layer 1\","
                + " \"epoch\": 1, \"seconds\": 0.8}, {\"phase\": \" \", \"epoch\": 0, \"seconds\": -0.5},"
                + " {\"phase\": \"layer 2\", \"epoch\": 1, \"seconds\": \"NaN\"}, null]"));
        Files.writeString(file, Json.write(tree));

        HarnessException e = assertThrows(HarnessException.class, () -> ResultsFiles.read(file, ResultsDocument.RESULTS));

        String ffCell = "file " + file + ": cell ff-d2";
        assertEquals(List.of(
                Problem.found(ffCell, "has epochSeconds[1].phase ' '", "the name of a training phase (non-empty text)"),
                Problem.found(ffCell, "has epochSeconds[1].epoch 0", "a whole number >= 1"),
                Problem.found(ffCell, "has epochSeconds[1].seconds -0.5", ResultsFiles.SECONDS),
                Problem.found(ffCell, "has epochSeconds[2].seconds NaN", ResultsFiles.SECONDS),
                Problem.found(ffCell, "has epochSeconds[3] null", "an epoch's seconds as the engine writes it ({phase, epoch,"
                        + " seconds})")),
                e.typedProblems());
    }

    @Test
    void aFractionalEpochIsRefusedRatherThanTruncated() throws Exception {
        Path file = dir.resolve("results.json");
        ObjectNode tree = Json.mapper().valueToTree(TestCells.results(cells));
        ((ObjectNode) tree.at("/cells/0/result")).set("epochSeconds",
                Json.mapper().readTree("[{\"phase\": \"layer 1\", \"epoch\": 1.5, \"seconds\": 0.8}]"));
        Files.writeString(file, Json.write(tree));

        HarnessException e = assertThrows(HarnessException.class, () -> ResultsFiles.read(file, ResultsDocument.RESULTS));

        assertEquals(List.of(Problem.found("file " + file + ": cell ff-d2", "has epochSeconds[0].epoch 1.5",
                "a whole number >= 1")), e.typedProblems());
    }

    @Test
    void aResultWithoutEpochSecondsAsOlderFilesHaveStillReads() throws Exception {
        Path file = dir.resolve("results.json");
        ObjectNode tree = Json.mapper().valueToTree(TestCells.results(cells));
        ((ObjectNode) tree.at("/cells/0/result")).remove("epochSeconds");
        Files.writeString(file, Json.write(tree));

        assertEquals(cells.size(), ResultsFiles.read(file, ResultsDocument.RESULTS).cells().size());
    }

    @Test
    void aBaselineWithNegativeBytesFailsTheCheckInsteadOfPassingEveryMemoryGate() throws Exception {
        Path results = dir.resolve("results.json");
        ResultsFiles.write(results, TestCells.results(cells));
        Path baseline = dir.resolve("ff-baseline.json");
        ObjectNode tree = Json.mapper().valueToTree(new ResultsDocument(ResultsDocument.SCHEMA_VERSION,
                ResultsDocument.BASELINE, "then", cells.size(), List.of(), null, cells));
        ObjectNode peak = (ObjectNode) tree.at("/cells/0/result/memory/trainingPeak");
        List.of("parameters", "gradients", "optimizerState", "transientBytes").forEach(field -> peak.put(field, -500_000));
        Files.writeString(baseline, Json.write(tree));

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.check(new Harness.CheckRequest(
                List.of(results), dev.ffbench.gate.GateParameters.defaults(), baseline, dir.resolve("out"), List.of(), null, null, null, false),
                HarnessLog.STDERR));

        assertEquals(4, e.problems().size(), e.getMessage());
        assertEquals("file " + baseline + ": cell ff-d2 has memory.trainingPeak.parameters -500000; allowed: a byte"
                + " count >= 0", e.problems().get(0));
        assertTrue(Files.notExists(dir.resolve("out/results.json")), "nothing judged, nothing written");
    }

    @Test
    void peaksWhosePartsOverflowTheTotalAreRefused() throws Exception {
        Path file = dir.resolve("results.json");
        ObjectNode tree = Json.mapper().valueToTree(TestCells.results(cells));
        ObjectNode peak = (ObjectNode) tree.at("/cells/0/result/memory/evaluationPeak");
        peak.put("parameters", Long.MAX_VALUE);
        peak.put("gradients", 1);
        Files.writeString(file, Json.write(tree));

        assertEquals("file " + file + ": cell ff-d2 has memory.evaluationPeak parts summing to more than "
                + Long.MAX_VALUE + " B; allowed: parts whose total is at most " + Long.MAX_VALUE + " B",
                assertThrows(HarnessException.class, () -> ResultsFiles.read(file, ResultsDocument.RESULTS)).getMessage());
    }

    private static String Json(ResultsDocument document) {
        return dev.ffbench.io.Json.write(document);
    }
}
