package dev.ffbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ffbench.dataset.DatasetFile;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.CurvePoint;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.EpochSeconds;
import dev.ffbench.experiment.EvaluationDiagnostics;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.HeapOutsideLedger;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.MemoryLedger;
import dev.ffbench.memory.PhaseMemory;
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
            throw new HarnessException(Problem.found((ResultsDocument.BASELINE.equals(expectedKind) ? "baseline" : "results")
                    + " file " + shownAs, "is " + (Files.isDirectory(file) ? "a directory" : "not a regular file"),
                    written(expectedKind)));
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
        HarnessException notJson = new HarnessException(Problem.found("file " + file, "is not valid JSON: "
                + originalMessage(e), written(expectedKind)));
        notJson.initCause(e);
        return notJson;
    }

    /** What a file that is not a results or baseline document should have been. */
    private static String written(String expectedKind) {
        return "a " + expectedKind + " document written by ff-maven-plugin";
    }

    private static ResultsDocument check(JsonNode tree, String file, String expectedKind) {
        if (tree == null || !tree.isObject()) {
            throw new HarnessException(Problem.found("file " + file, "holds no JSON object", written(expectedKind)));
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isInt() || version.intValue() < ResultsDocument.OLDEST_READABLE_SCHEMA_VERSION
                || version.intValue() > ResultsDocument.SCHEMA_VERSION) {
            boolean older = version != null && version.isInt() && version.intValue() < ResultsDocument.OLDEST_READABLE_SCHEMA_VERSION;
            boolean newer = version != null && version.isInt() && version.intValue() > ResultsDocument.SCHEMA_VERSION;
            throw new HarnessException(Problem.found("file " + file, "has schemaVersion " + (version == null ? "(none)" : version),
                    ResultsDocument.OLDEST_READABLE_SCHEMA_VERSION + " to " + ResultsDocument.SCHEMA_VERSION
                    + " (the results schemas this plugin reads)"
                    + (older ? "; it was written by an earlier ff-maven-plugin (schema 2 moved each algorithm's settings"
                    + " into spec.options), so measure again with this one: "
                    + (ResultsDocument.BASELINE.equals(expectedKind)
                            ? "move " + file + " aside (ff:benchmark reads the baseline before any cell runs), run"
                            + " mvn ff:benchmark, then mvn ff:baseline to re-record it"
                            : "mvn ff:benchmark") : "")
                    + (newer ? "; it was written by a newer ff-maven-plugin: read it with that one, or measure again"
                    + " with this one" : "")));
        }
        JsonNode kind = tree.get("kind");
        if (kind == null || !expectedKind.equals(kind.asText())) {
            throw new HarnessException(Problem.found("file " + file, "has kind " + (kind == null ? "(none)" : kind),
                    "\"" + expectedKind + "\" (the kind read here)"));
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("matrixCells", "cells")) {
            if (!tree.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new HarnessException(Problem.found("file " + file, "has no " + String.join(" and no ", missing), "a "
                    + expectedKind + " document of results schema " + version.intValue()
                    + " as ff-maven-plugin writes it (schemaVersion, kind, matrixCells, cells)"));
        }
        throwIfAny(epochNumberProblems(file, tree.get("cells")));
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

    /**
     * Each {@code epochSeconds[i].epoch} that is not a whole number in the JSON: reading it into the
     * record would truncate 1.5 to 1 (or take the text "2") without a word, so it is checked on the tree.
     */
    private static List<Problem> epochNumberProblems(String file, JsonNode cells) {
        List<Problem> problems = new ArrayList<>();
        for (JsonNode cell : cells.isArray() ? cells : java.util.Collections.<JsonNode>emptyList()) {
            JsonNode epochs = cell.path("result").path("epochSeconds");
            for (int i = 0; epochs.isArray() && i < epochs.size(); i++) {
                JsonNode epoch = epochs.get(i).get("epoch");
                if (epoch != null && !epoch.isNull() && !(epoch.isIntegralNumber() && epoch.canConvertToInt())) {
                    problems.add(Problem.found("file " + file + ": cell " + cell.path("id").asText("(no id)"),
                            "has epochSeconds[" + i + "].epoch " + epoch, "a whole number >= 1"));
                }
            }
        }
        return problems;
    }

    private static void checkConsistent(String file, ResultsDocument document) {
        List<Problem> problems = new ArrayList<>();
        Set<Integer> indexes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (CellRecord cell : document.cells()) {
            String where = "file " + file + ": cell " + cell.id();
            if (cell.id() == null || cell.spec() == null) {
                problems.add(Problem.found("file " + file + ": a cell", "has no id or spec", "cells as ff-maven-plugin writes them"));
                continue;
            }
            if (cell.index() < 0 || cell.index() >= document.matrixCells()) {
                problems.add(Problem.found(where, "has index " + cell.index(), "0 to " + (document.matrixCells() - 1)
                        + " (matrixCells is " + document.matrixCells() + ")"));
            }
            if (!indexes.add(cell.index()) || !ids.add(cell.id())) {
                problems.add(Problem.found(where + " (index " + cell.index() + ")", "appears twice", "each cell once"));
            }
            if (!CellRecord.PASSED.equals(cell.status()) && !CellRecord.FAILED.equals(cell.status())) {
                problems.add(Problem.found(where, "has status " + cell.status(), "passed, failed"));
            } else if (CellRecord.PASSED.equals(cell.status()) && cell.result() == null) {
                problems.add(Problem.found(where, "passed but has no result", "a passed cell with its result"));
            } else if (CellRecord.PASSED.equals(cell.status())) {
                String field = missingResultField(cell.result());
                if (field != null) {
                    problems.add(Problem.found(where, "passed but its result has no " + field, "a result as the engine"
                            + " writes it (memory.trainingPeak, memory.evaluationPeak, environment)"));
                } else {
                    problems.addAll(figureChecks(where, cell.result()));
                }
            }
            if (!(cell.wallSeconds() >= 0) || Double.isInfinite(cell.wallSeconds())) {
                problems.add(Problem.found(where, "has wallSeconds " + cell.wallSeconds(), SECONDS));
            }
        }
        throwIfAny(problems);
    }

    /** One exception listing every problem, if there is any. */
    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw HarnessException.of(problems);
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
                throw new HarnessException(Problem.found("results files " + files.get(0) + " (a " + matrixCells
                        + "-cell matrix) and " + files.get(f) + " (a " + document.matrixCells() + "-cell matrix)",
                        "come from different matrices", "the shards of one matrix"));
            }
            for (CellRecord cell : document.cells()) {
                for (int earlier = 0; earlier < cells.size(); earlier++) {
                    CellRecord other = cells.get(earlier);
                    if (other.index() == cell.index()) {
                        throw new HarnessException(other.id().equals(cell.id())
                                ? Problem.found("cell " + cell.id(), "is in more than one of the results files ("
                                        + files.get(f) + " and an earlier one)", "each shard's results once")
                                : Problem.found("results file " + files.get(f), "has cell " + cell.id() + " where an earlier"
                                        + " file has " + other.id() + " (matrix position " + cell.index() + ")",
                                        "the shards of one matrix"));
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

    /** What each kind of figure allows, as every file check (results, baselines, history) says it. */
    public static final String BYTES = "a byte count >= 0";
    public static final String FRACTION = "a fraction from 0 to 1";
    public static final String SECONDS = "a finite number of seconds >= 0";
    public static final String RATE = "a finite rate >= 0 (images per second)";

    /**
     * Every figure of a passed result that the gates judge or the summary, the report and the history
     * show, out of its range: one problem per figure, "{@code where} has FIELD VALUE; allowed: ...". A
     * file is edited by hand, merged, or written by another tool; a negative byte count would pass
     * every memory gate and an accuracy of 1.5 every accuracy rule, so no figure is taken on trust.
     * {@code result} has its memory peaks and environment (see {@link #missingResultField}).
     */
    public static List<Problem> figureChecks(String where, ExperimentResult result) {
        List<Problem> problems = new ArrayList<>();
        java.util.function.BiConsumer<String, Object> bad = (field, allowed) -> problems.add(Problem.found(where,
                "has " + field, String.valueOf(allowed)));
        fraction(bad, "trainAccuracy", result.trainAccuracy());
        fraction(bad, "testAccuracy", result.testAccuracy());
        seconds(bad, "trainSeconds", result.trainSeconds());
        seconds(bad, "evalSeconds", result.evalSeconds());
        if (!(result.samplesPerSecond() >= 0) || Double.isInfinite(result.samplesPerSecond())) {
            bad.accept("samplesPerSecond " + result.samplesPerSecond(), RATE);
        }
        if (result.secondsToAccuracy() != null) {
            seconds(bad, "secondsToAccuracy", result.secondsToAccuracy());
        }
        List<EpochLoss> losses = result.losses() == null ? List.of() : result.losses();
        for (int i = 0; i < losses.size(); i++) {
            EpochLoss loss = losses.get(i);
            if (loss == null) {
                bad.accept("losses[" + i + "] null", "an epoch's loss as the engine writes it");
            } else if (!Double.isFinite(loss.loss())) {
                bad.accept("losses[" + i + "].loss " + loss.loss() + " (epoch " + loss.epoch() + ")", "a finite number"
                        + " (a non-finite loss is a diverged cell, which is a failed cell, never a passed one)");
            }
        }
        List<EpochSeconds> epochs = result.epochSeconds() == null ? List.of() : result.epochSeconds();
        for (int i = 0; i < epochs.size(); i++) {
            EpochSeconds epoch = epochs.get(i);
            String field = "epochSeconds[" + i + "]";
            if (epoch == null) {
                bad.accept(field + " null", "an epoch's seconds as the engine writes it ({phase, epoch, seconds})");
                continue;
            }
            if (epoch.phase() == null || epoch.phase().isBlank()) {
                bad.accept(field + ".phase " + (epoch.phase() == null ? "(none)" : "'" + epoch.phase() + "'"),
                        "the name of a training phase (non-empty text)");
            }
            if (epoch.epoch() < 1) {
                bad.accept(field + ".epoch " + epoch.epoch(), "a whole number >= 1");
            }
            seconds(bad, field + ".seconds", epoch.seconds());
        }
        List<CurvePoint> curve = result.curve() == null ? List.of() : result.curve();
        for (int i = 0; i < curve.size(); i++) {
            CurvePoint point = curve.get(i);
            if (point == null) {
                bad.accept("curve[" + i + "] null", "a curve point as the engine writes it");
                continue;
            }
            fraction(bad, "curve[" + i + "].testAccuracy", point.testAccuracy());
            seconds(bad, "curve[" + i + "].trainSeconds", point.trainSeconds());
        }
        MemoryLedger memory = result.memory();
        bytes(bad, "memory.trainingPeak", memory.trainingPeak());
        bytes(bad, "memory.evaluationPeak", memory.evaluationPeak());
        List<PhaseMemory> phases = memory.trainingPhases() == null ? List.of() : memory.trainingPhases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseMemory phase = phases.get(i);
            if (phase == null || phase.memory() == null) {
                bad.accept("memory.trainingPhases[" + i + "]" + (phase == null ? " null" : ".memory null"),
                        "a phase's memory as the engine writes it");
            } else {
                bytes(bad, "memory.trainingPhases[" + i + "].memory", phase.memory());
            }
        }
        if (memory.datasetBytes() < 0) {
            bad.accept("memory.datasetBytes " + memory.datasetBytes(), BYTES);
        }
        if (memory.processPeakRssBytes() < -1) {
            bad.accept("memory.processPeakRssBytes " + memory.processPeakRssBytes(), BYTES + ", or -1 (not measured)");
        }
        HeapOutsideLedger heap = memory.heapOutsideLedger();
        if (heap != null) {
            long[] values = {heap.minObjectBytes(), heap.objects(), heap.bytes(), heap.largestBytes()};
            String[] names = {"minObjectBytes", "objects", "bytes", "largestBytes"};
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0) {
                    bad.accept("memory.heapOutsideLedger." + names[i] + " " + values[i],
                            names[i].equals("objects") ? "a count >= 0" : BYTES);
                }
            }
        }
        EvaluationDiagnostics evaluation = result.evaluation();
        if (evaluation != null) {
            fraction(bad, "evaluation.tieFraction", evaluation.tieFraction());
            fraction(bad, "evaluation.mostPredictedShare", evaluation.mostPredictedShare());
            fraction(bad, "evaluation.chanceAccuracy", evaluation.chanceAccuracy());
            for (int i = 0; i < evaluation.deadUnitFractions().size(); i++) {
                Double dead = evaluation.deadUnitFractions().get(i);
                fraction(bad, "evaluation.deadUnitFractions[" + i + "]", dead == null ? Double.NaN : dead);
            }
        }
        DatasetSummary dataset = result.dataset();
        if (dataset != null) {
            // the training count decides whether maxStepsPerEpoch cut a cell short (ExperimentResult.isCapped)
            int[] counts = {dataset.trainImages(), dataset.testImages(), dataset.height(), dataset.width(), dataset.channels()};
            String[] names = {"trainImages", "testImages", "height", "width", "channels"};
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 1) {
                    bad.accept("dataset." + names[i] + " " + counts[i], "a whole number >= 1");
                }
            }
            if (dataset.classes() < 2 || dataset.classes() > ImageSet.MAX_CLASSES) {
                bad.accept("dataset.classes " + dataset.classes(), "2 to " + ImageSet.MAX_CLASSES);
            }
            List<DatasetFile> files = dataset.fingerprint() == null ? List.of() : dataset.fingerprint().files();
            for (int i = 0; i < files.size(); i++) {
                if (files.get(i) != null && files.get(i).bytes() < 0) {
                    bad.accept("dataset.fingerprint.files[" + i + "].bytes " + files.get(i).bytes(), BYTES);
                }
            }
        }
        return problems;
    }

    private static void fraction(java.util.function.BiConsumer<String, Object> bad, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            bad.accept(field + " " + value, FRACTION);
        }
    }

    private static void seconds(java.util.function.BiConsumer<String, Object> bad, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            bad.accept(field + " " + value, SECONDS);
        }
    }

    /** Each part of a breakdown a byte count, and their total (what the gates judge) within a long. */
    private static void bytes(java.util.function.BiConsumer<String, Object> bad, String field, MemoryBreakdown memory) {
        long[] values = {memory.parameters(), memory.gradients(), memory.optimizerState(), memory.transientBytes()};
        String[] names = {"parameters", "gradients", "optimizerState", "transientBytes"};
        boolean negative = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                bad.accept(field + "." + names[i] + " " + values[i], BYTES);
                negative = true;
            }
        }
        if (!negative && memory.totalBytes() < 0) {
            bad.accept(field + " parts summing to more than " + Long.MAX_VALUE + " B", "parts whose total is at most "
                    + Long.MAX_VALUE + " B");
        }
    }

    /** The first field the gates and the report need that a passed result lacks, or null. */
    public static String missingResultField(ExperimentResult result) {
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
