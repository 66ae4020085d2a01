package dev.ffbench.harness;

import dev.ffbench.experiment.AtomicFiles;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The harness's entry points, one per plugin goal. Each validates all of its input first, writes
 * every output (cells, results, summary, JUnit XML, the extra writers such as the HTML report)
 * and only then returns the outcome: deciding that a build fails is the caller's job, after
 * everything is on disk.
 */
public final class Harness {
    private Harness() {}

    /**
     * What {@code ff:benchmark} needs. {@code shard} is "i/n" or blank for the whole matrix;
     * {@code resume} keeps the passed cells already in the output directory and runs only the others.
     */
    public record BenchmarkRequest(
            MatrixParameters matrix,
            String shard,
            ForkOptions fork,
            GateParameters gates,
            Path baselineFile,
            Path outputDirectory,
            List<OutputWriter> writers,
            boolean resume) {

        public BenchmarkRequest(MatrixParameters matrix, String shard, ForkOptions fork, GateParameters gates,
                Path baselineFile, Path outputDirectory, List<OutputWriter> writers) {
            this(matrix, shard, fork, gates, baselineFile, outputDirectory, writers, false);
        }
    }

    /** What {@code ff:check} and {@code ff:report} need: one or more results files (shards are merged). */
    public record CheckRequest(
            List<Path> resultsFiles,
            GateParameters gates,
            Path baselineFile,
            Path outputDirectory,
            List<OutputWriter> writers) {}

    /** The results as written, their gate judgement and where everything is. */
    public record Outcome(ResultsDocument results, GateReport gates, OutputLayout layout) {
        public boolean hasFailedCells() {
            return !results.failedCells().isEmpty();
        }

        public boolean hasViolations() {
            return !gates.violations().isEmpty();
        }

        /** "2 of 8 cells failed: id: reason; ..." */
        public String failedCellsMessage() {
            List<String> lines = new ArrayList<>();
            lines.add(results.failedCells().size() + " of " + results.cells().size() + " cells failed (logs in "
                    + layout.cells() + "):");
            results.failedCells().forEach(cell -> lines.add("  " + cell.id() + ": " + cell.failure()));
            return String.join("\n", lines);
        }
    }

    public static Outcome benchmark(BenchmarkRequest request, HarnessLog log) throws IOException {
        try (ProjectExtensions project = ProjectExtensions.open(request.fork().projectClasspath())) {
            return benchmark(request, project.extensions(), log);
        }
    }

    private static Outcome benchmark(BenchmarkRequest request, Extensions extensions, HarnessLog log) throws IOException {
        // every input is checked, and every problem reported at once, before anything is touched
        List<String> problems = new ArrayList<>();
        GateConfig gates = collect(problems, () -> request.gates().parse(KnownNames.of(extensions)));
        Shard shard = collect(problems, () -> Shard.parse(request.shard()));
        List<Cell> matrix = collect(problems,
                () -> MatrixExpander.expand(request.matrix(), request.fork().workingDirectory(), extensions));
        List<Cell> cells = shard == null || matrix == null ? null : collect(problems, () -> shard.select(matrix));
        if (!problems.isEmpty()) {
            throw new HarnessException(problems);
        }
        logUserExtensions(matrix, extensions, log);
        ResultsDocument baseline = readBaseline(request.baselineFile());
        OutputLayout layout = new OutputLayout(request.outputDirectory());
        try (OutputLock lock = OutputLock.acquire(layout.directory(), "benchmark")) {
            log.info("FF Bench: " + cells.size() + (cells.size() == 1 ? " cell" : " cells") + (shard.isWhole() ? "" : " (shard " + shard + " of a "
                    + matrix.size() + "-cell matrix)") + ", each in its own JVM, " + request.fork().parallelCells()
                    + " at a time; results in " + layout.directory());
            CoreBudget.warning(cells, request.fork().parallelCells(), Runtime.getRuntime().availableProcessors())
                    .ifPresent(log::warn);
            List<CellRecord> kept = List.of();
            if (request.resume()) {
                kept = Resume.finishedCells(cells, layout, log);
                CellScheduler.removeTemporaryFiles(layout);
            } else {
                clearPreviousRun(layout);
            }
            List<Integer> keptIndexes = kept.stream().map(CellRecord::index).toList();
            List<Cell> toRun = cells.stream().filter(cell -> !keptIndexes.contains(cell.index())).toList();
            List<CellRecord> records = new ArrayList<>(kept);
            if (!toRun.isEmpty()) {
                records.addAll(CellScheduler.run(toRun, request.fork(), layout, log));
            }
            records.sort(java.util.Comparator.comparingInt(CellRecord::index));
            ResultsDocument results = ResultsDocument.results(now(), matrix.size(),
                    shard.isWhole() ? List.of() : List.of(shard.toString()), records);
            ResultsFiles.write(layout.results(), results);
            GateReport report = shard.isWhole()
                    ? GateEvaluator.evaluate(gates, results, baseline, request.baselineFile())
                    : GateReport.none("shard " + shard + ": gates are judged on the merged results of all shards, by ff:check"
                            + " with ff.results listing every shard's results.json");
            return finish(results, report, layout, request.writers(), log);
        }
    }

    public static Outcome check(CheckRequest request, HarnessLog log) throws IOException {
        ResultsDocument results = readAll(request.resultsFiles(), log);
        // the results may hold the project's own algorithms, which this JVM need not be able to load
        GateConfig gates = request.gates().parse(KnownNames.of(Extensions.engine()).plus(
                results.cells().stream().map(c -> c.spec().algorithm()).toList(),
                results.cells().stream().map(c -> c.spec().goodness()).toList()));
        ResultsDocument baseline = readBaseline(request.baselineFile());
        OutputLayout layout = new OutputLayout(request.outputDirectory());
        try (OutputLock lock = OutputLock.acquire(layout.directory(), "check")) {
            ResultsFiles.write(layout.results(), results);
            return finish(results, GateEvaluator.evaluate(gates, results, baseline, request.baselineFile()), layout,
                    request.writers(), log);
        }
    }

    /** Names each algorithm and goodness function of the matrix that does not come from the engine itself. */
    private static void logUserExtensions(List<Cell> matrix, Extensions extensions, HarnessLog log) {
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        for (Cell cell : matrix) {
            extensions.algorithms().stream().filter(a -> a.name().equals(cell.spec().algorithm())
                    && !a.origin().equals(Extensions.BUILT_IN)).forEach(a -> lines.add("algorithm " + a.name()
                            + " (" + a.value().getClass().getName() + ") from " + a.origin()));
            extensions.goodnessFunctions().stream().filter(g -> g.name().equals(cell.spec().goodness())
                    && !g.origin().equals(Extensions.BUILT_IN)).forEach(g -> lines.add("goodness function " + g.name()
                            + " (" + g.value().getClass().getName() + ") from " + g.origin()));
        }
        lines.forEach(line -> log.info("project's own " + line));
    }

    private static <T> T collect(List<String> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (HarnessException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** Writes the passed cells of the results as the new baseline, with the environment's fingerprint. */
    public static ResultsDocument baseline(List<Path> resultsFiles, Path baselineFile, HarnessLog log) throws IOException {
        ResultsDocument results = readAll(resultsFiles, log);
        List<CellRecord> passed = results.passedCells();
        if (passed.isEmpty()) {
            throw new HarnessException("no cell passed in " + describe(resultsFiles) + ": nothing to record as the baseline"
                    + " (" + baselineFile + " is left as it was)");
        }
        if (!results.failedCells().isEmpty()) {
            log.warn(results.failedCells().size() + " failed cells are left out of the baseline: "
                    + String.join(", ", results.failedCells().stream().map(CellRecord::id).toList()));
        }
        ResultsDocument baseline = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, now(),
                results.matrixCells(), results.shards(), EnvironmentFingerprint.of(passed), passed);
        ResultsFiles.write(baselineFile, baseline);
        EnvironmentFingerprint fingerprint = baseline.fingerprint();
        log.info("wrote baseline " + baselineFile + ": " + passed.size() + " cells, measured on " + fingerprint.cpuModel()
                + ", Java " + fingerprint.javaVersion() + ", ND4J " + fingerprint.nd4jVersion() + " (" + fingerprint.blasVendor()
                + ", OPENBLAS_CORETYPE " + fingerprint.openblasCoreType() + "), " + fingerprint.threads() + " thread(s)");
        return baseline;
    }

    /** Reads every file (each checked), merging shards into one document. */
    public static ResultsDocument readAll(List<Path> files, HarnessLog log) {
        if (files.isEmpty()) {
            throw new HarnessException("results lists no file; allowed: one or more results.json files");
        }
        List<ResultsDocument> documents = new ArrayList<>();
        for (Path file : files) {
            documents.add(ResultsFiles.read(file, ResultsDocument.RESULTS));
        }
        ResultsDocument merged = ResultsFiles.merge(files, documents, now(), log);
        if (files.size() > 1) {
            log.info("merged " + files.size() + " results files: " + merged.cells().size() + " of "
                    + merged.matrixCells() + " cells");
        }
        return merged;
    }

    /** The baseline, checked before anything runs or is written; null when there is none. */
    private static ResultsDocument readBaseline(Path baselineFile) {
        return baselineFile != null && Files.exists(baselineFile)
                ? ResultsFiles.read(baselineFile, ResultsDocument.BASELINE) : null;
    }

    private static Outcome finish(ResultsDocument results, GateReport gates, OutputLayout layout,
            List<OutputWriter> writers, HarnessLog log) throws IOException {
        AtomicFiles.write(layout.summary(), SummaryWriter.markdown(results, gates));
        AtomicFiles.write(layout.junit(), JUnitXmlWriter.xml(results, gates));
        for (OutputWriter writer : writers) {
            writer.write(results, gates, layout);
        }
        gates.warnings().forEach(log::warn);
        log.info(results.passedCells().size() + " of " + results.cells().size() + " cells passed; " + gates.tally()
                + "; wrote " + layout.results() + ", " + layout.summary().getFileName() + ", "
                + layout.junit().getFileName() + (writers.isEmpty() ? "" : ", " + layout.report().getFileName()));
        return new Outcome(results, gates, layout);
    }

    /** Old cell files would mix with this run's: only the harness's own files are removed. */
    private static void clearPreviousRun(OutputLayout layout) throws IOException {
        for (Path directory : List.of(layout.cells(), layout.work())) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".json") || name.endsWith(".log") || name.endsWith(".tmp")) {
                            Files.delete(file);
                        }
                    }
                }
            }
        }
    }

    private static String describe(List<Path> files) {
        return String.join(", ", files.stream().map(Path::toString).toList());
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
