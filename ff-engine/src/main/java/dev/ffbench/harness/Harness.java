package dev.ffbench.harness;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.fork.CellScheduler;
import dev.ffbench.fork.CoreBudget;
import dev.ffbench.fork.ForkJava;
import dev.ffbench.fork.ForkMemory;
import dev.ffbench.fork.ForkOptions;
import dev.ffbench.fork.ForkedCellRunner;
import dev.ffbench.fork.MemoryCheck;
import dev.ffbench.fork.Resume;
import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineSource;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateCoverage;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Verdict;
import dev.ffbench.io.Git;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.OutputLock;
import dev.ffbench.io.Problem;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.KnownNames;
import dev.ffbench.matrix.MatrixExpander;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.matrix.Shard;
import dev.ffbench.output.History;
import dev.ffbench.output.HistoryEntry;
import dev.ffbench.output.HistoryVerdict;
import dev.ffbench.output.JUnitXmlWriter;
import dev.ffbench.output.OutputWriter;
import dev.ffbench.output.ReportInputs;
import dev.ffbench.output.SummaryWriter;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.CodeFingerprint;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
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
     * {@code resume} keeps the passed cells already in the output directory and runs only the others;
     * {@code baselineRef}, when not blank, reads the baseline file as committed at that git revision;
     * {@code historyDirectory}, when it exists, is drawn as trends in the report. The project directory
     * is the fork's working directory.
     */
    public record BenchmarkRequest(
            MatrixParameters matrix,
            String shard,
            ForkOptions fork,
            GateParameters gates,
            Path baselineFile,
            Path outputDirectory,
            List<OutputWriter> writers,
            boolean resume,
            String baselineRef,
            Path historyDirectory) {}

    /**
     * What {@code ff:check} and {@code ff:report} need: one or more results files (shards are merged).
     * {@code projectDirectory} (may be null) is what paths are shown relative to; {@code baselineRef}
     * and {@code historyDirectory} as for {@link BenchmarkRequest}. Results that lack part of the matrix
     * (a shard missing) are refused unless {@code allowIncompleteMatrix}: the gates then judge the cells
     * present, and a warning says which part is missing.
     */
    public record CheckRequest(
            List<Path> resultsFiles,
            GateParameters gates,
            Path baselineFile,
            Path outputDirectory,
            List<OutputWriter> writers,
            Path projectDirectory,
            String baselineRef,
            Path historyDirectory,
            boolean allowIncompleteMatrix) {}

    /**
     * What {@code ff:history} needs: the results to record (shards are merged), the history directory
     * and the project directory (where git is asked for the commit, and what paths are shown relative to).
     */
    public record HistoryRequest(List<Path> resultsFiles, Path historyDirectory, Path projectDirectory) {}

    /**
     * The results as written, their gate judgement, where everything is, how paths are shown, where
     * the cells' log files may be ({@code cells/} beside each results file read, or the run's own
     * {@code cells/}), and the run's verdict (whether violations fail the build is decided there).
     */
    public record Outcome(ResultsDocument results, GateReport gates, OutputLayout layout, ProjectPaths paths,
            List<Path> logDirectories, Verdict verdict) {
        public Outcome {
            logDirectories = List.copyOf(logDirectories);
        }

        public boolean hasFailedCells() {
            return !results.failedCells().isEmpty();
        }

        public boolean hasViolations() {
            return !gates.violations().isEmpty();
        }

        /** Whether the gate violations fail the build: there are some, and the gates are not advisory. */
        public boolean violationsFail() {
            return verdict.violationsFail();
        }

        /**
         * "2 of 8 cells failed (logs in D):" and a line per failed cell with its reason. It names only
         * log files that exist: when some cells' logs are not there (results copied without their
         * cells/ folder), each found log is named on its cell's line and a last line says where the
         * others' last lines are kept instead (logTail in results.json).
         */
        public String failedCellsMessage() {
            List<CellRecord> failed = results.failedCells();
            java.util.Map<String, Path> logs = new java.util.LinkedHashMap<>();
            for (CellRecord cell : failed) {
                logDirectories.stream().map(directory -> directory.resolve(cell.id() + ".log")).filter(Files::isRegularFile)
                        .findFirst().ifPresent(log -> logs.put(cell.id(), log));
            }
            List<Path> folders = logs.values().stream().map(Path::getParent).distinct().toList();
            boolean oneFolder = logs.size() == failed.size() && folders.size() == 1;
            List<String> lines = new ArrayList<>();
            lines.add(failed.size() + " of " + results.cells().size() + " cells failed"
                    + (oneFolder ? " (logs in " + paths.show(folders.get(0)) + "):" : ":"));
            for (CellRecord cell : failed) {
                lines.add("  " + cell.id() + ": " + cell.failure()
                        + (oneFolder || !logs.containsKey(cell.id()) ? "" : " (log: " + paths.show(logs.get(cell.id())) + ")"));
            }
            if (logs.size() < failed.size()) {
                lines.add((logs.isEmpty() ? "Their log files are" : "The other cells' log files are") + " not beside the"
                        + " results (no " + String.join(" or ", logDirectories.stream().map(d -> paths.show(d) + "/<id>.log")
                                .toList()) + "); the last " + ForkedCellRunner.LOG_TAIL_LINES + " lines of each failed"
                        + " cell's log are kept as logTail in " + paths.show(layout.results()));
            }
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
        // every sentence in order, and those of them built as data (some producers still word theirs)
        List<String> problems = new ArrayList<>();
        List<Problem> typed = new ArrayList<>();
        ProjectPaths paths = new ProjectPaths(request.fork().workingDirectory());
        BaselineSource baselineSource = BaselineSource.of(request.baselineFile(), request.baselineRef());
        request.fork().problems().forEach(problem -> add(problem, problems, typed));
        baselineSource.check().forEach(problem -> add(problem, problems, typed));
        GateConfig gates = collect(problems, typed, () -> request.gates().parse(KnownNames.of(extensions)));
        Shard shard = collect(problems, typed, () -> Shard.parse(request.shard()));
        List<Cell> matrix = collect(problems, typed,
                () -> MatrixExpander.expand(request.matrix(), request.fork().workingDirectory(), extensions));
        List<Cell> cells = shard == null || matrix == null ? null : collect(problems, typed, () -> shard.select(matrix));
        if (gates != null && matrix != null) {
            // the whole matrix, also in a shard: the gates judge the merged results of every shard
            GateCoverage.check(gates, matrix, true).forEach(problem -> add(problem, problems, typed));
        }
        java.util.Optional<Problem> badJava = ForkJava.problem(request.fork().javaExecutable());
        badJava.ifPresent(problem -> add(problem, problems, typed));
        // native libraries for another platform or CPU would fail every cell alike, the memory probe's fork first
        java.util.Optional<String> badPlatform = dev.ffbench.platform.NativePlatformCheck.problem(request.fork().forkClasspath());
        badPlatform.ifPresent(problems::add);
        if (cells != null && badJava.isEmpty() && badPlatform.isEmpty()) {
            // a cell too large for its JVM is refused now, not after the cells before it ran
            MemoryCheck.problems(cells, extensions, request.fork().workingDirectory(),
                    () -> ForkMemory.probe(request.fork(), log), log).forEach(problem -> add(problem, problems, typed));
        }
        OutputLayout.check(request.outputDirectory()).ifPresent(problem -> add(problem, problems, typed));
        if (!problems.isEmpty()) {
            throw new HarnessException(problems, typed);
        }
        logUserExtensions(matrix, extensions, log);
        Baseline baseline = baselineSource.load(paths, gates.tolerance(), log);
        History history = History.read(request.historyDirectory(), paths);
        OutputLayout layout = new OutputLayout(request.outputDirectory());
        try (OutputLock lock = OutputLock.acquire(layout.directory(), "benchmark")) {
            removePreviousDocuments(layout, paths, log);
            log.info("FF Bench: " + cells.size() + (cells.size() == 1 ? " cell" : " cells") + (shard.isWhole() ? "" : " (shard " + shard + " of a "
                    + matrix.size() + "-cell matrix)") + ", each in its own JVM, " + request.fork().parallelCells()
                    + " at a time; results in " + paths.show(layout.directory()));
            CoreBudget.warning(cells, request.fork().parallelCells(), Runtime.getRuntime().availableProcessors())
                    .ifPresent(log::warn);
            List<CellRecord> kept = List.of();
            // what the cells run: recorded with each, and what -Dff.resume compares (hashed once per run)
            String code = CodeFingerprint.of(request.fork().forkClasspath());
            if (request.resume()) {
                List<dev.ffbench.dataset.DatasetSource> sources = extensions.datasetSources().stream()
                        .map(Extensions.Provided::value).toList();
                // read as the cells' JVMs read it: from their working directory, with the project's sources
                kept = Resume.finishedCells(cells, layout, code,
                        dataset -> dev.ffbench.dataset.Datasets.open(dataset,
                        request.fork().workingDirectory(), sources).load().fingerprint(), log);
                CellScheduler.removeTemporaryFiles(layout);
            } else {
                clearPreviousRun(layout, paths, log);
            }
            List<Integer> keptIndexes = kept.stream().map(CellRecord::index).toList();
            List<Cell> toRun = cells.stream().filter(cell -> !keptIndexes.contains(cell.index())).toList();
            List<CellRecord> records = new ArrayList<>(kept);
            if (!toRun.isEmpty()) {
                records.addAll(CellScheduler.run(toRun, kept.size(), request.fork(), code, layout, log));
            }
            records.sort(java.util.Comparator.comparingInt(CellRecord::index));
            ResultsDocument results = ResultsDocument.results(now(), matrix.size(),
                    shard.isWhole() ? List.of() : List.of(shard.toString()), records);
            ResultsFiles.write(layout.results(), results);
            Commits commits = Commits.of(request.fork().workingDirectory(), baselineSource, baseline);
            if (!shard.isWhole()) {
                String deferred = "shard " + shard + ": gates are judged on the merged results of all shards, by ff:check"
                        + " with ff.results listing every shard's results.json";
                GateReport none = GateReport.none(deferred);
                return finish(new ReportInputs(results, none, layout, paths, baseline,
                        "shard " + shard + " of the matrix: the gates and the comparison with the baseline are judged on the"
                                + " merged results of all shards, by ff:check", null, history, gates.gatedMetrics(),
                        Verdict.of(none, results.failedCells().size(), null, gates.failOnViolation(), commits.head(), null)),
                        List.of(layout.cells()), request.writers(), log);
            }
            return finish(judge(gates, results, baseline, layout, paths, history, commits), List.of(layout.cells()),
                    request.writers(), log);
        }
    }

    public static Outcome check(CheckRequest request, HarnessLog log) throws IOException {
        OutputLayout.check(request.outputDirectory()).ifPresent(problem -> {
            throw new HarnessException(problem);
        });
        ProjectPaths paths = new ProjectPaths(request.projectDirectory());
        BaselineSource baselineSource = BaselineSource.of(request.baselineFile(), request.baselineRef());
        List<String> problems = new ArrayList<>();
        List<Problem> typed = new ArrayList<>();
        baselineSource.check().forEach(problem -> add(problem, problems, typed));
        ResultsDocument results;
        // a run that holds the results' directory is still writing them (ff:benchmark removed the earlier ones):
        // say so, rather than that they do not exist
        try (OutputLock.Readers locks = OutputLock.acquireToRead(request.resultsFiles(), "check", paths::show)) {
            results = readAll(request.resultsFiles(), paths, log);
        }
        // the results may hold the project's own algorithms, which this JVM need not be able to load
        GateConfig gates = collect(problems, typed, () -> request.gates().parse(KnownNames.of(Extensions.engine()).plus(
                results.cells().stream().map(c -> c.spec().algorithm()).toList(),
                results.cells().stream().map(c -> c.spec().goodness()).toList())));
        if (!results.isComplete() && !request.allowIncompleteMatrix()) {
            add(Problem.found("results " + describe(request.resultsFiles(), paths), "hold " + results.coverage()
                    + ", so the gates would judge part of the matrix and let the rest pass unjudged", "the"
                    + " results of every shard, merged (list each shard's results.json in ff.results, comma-separated),"
                    + " or allowIncompleteMatrix=true (-Dff.allowIncompleteMatrix=true) to judge only the cells present"),
                    problems, typed);
        } else if (gates != null) {
            List<Cell> cells = results.cells().stream().map(c -> new Cell(c.index(), c.id(), c.spec())).toList();
            GateCoverage.check(gates, cells, results.isComplete()).forEach(problem -> add(problem, problems, typed));
        }
        if (!problems.isEmpty()) {
            throw new HarnessException(problems, typed);
        }
        Baseline baseline = baselineSource.load(paths, gates.tolerance(), log);
        History history = History.read(request.historyDirectory(), paths);
        OutputLayout layout = new OutputLayout(request.outputDirectory());
        try (OutputLock lock = OutputLock.acquire(layout.directory(), "check")) {
            ResultsFiles.write(layout.results(), results);
            // the cells' logs stay where the run wrote them, beside the results file it wrote
            List<Path> logDirectories = request.resultsFiles().stream()
                    .map(file -> file.toAbsolutePath().normalize().resolveSibling("cells")).distinct().toList();
            Commits commits = Commits.of(request.projectDirectory(), baselineSource, baseline);
            return finish(judge(gates, results, baseline, layout, paths, history, commits), logDirectories,
                    request.writers(), log);
        }
    }

    /** Names each algorithm, goodness function and dataset source of the matrix that does not come from the engine itself. */
    private static void logUserExtensions(List<Cell> matrix, Extensions extensions, HarnessLog log) {
        java.util.Set<String> lines = new java.util.LinkedHashSet<>();
        List<dev.ffbench.dataset.DatasetSource> sources = extensions.datasetSources().stream()
                .map(Extensions.Provided::value).toList();
        for (Cell cell : matrix) {
            extensions.algorithms().stream().filter(a -> a.name().equals(cell.spec().algorithm())
                    && !a.origin().equals(Extensions.BUILT_IN)).forEach(a -> lines.add("algorithm " + a.name()
                            + " (" + a.value().getClass().getName() + ") from " + a.origin()));
            extensions.goodnessFunctions().stream().filter(g -> g.name().equals(cell.spec().goodness())
                    && !g.origin().equals(Extensions.BUILT_IN)).forEach(g -> lines.add("goodness function " + g.name()
                            + " (" + g.value().getClass().getName() + ") from " + g.origin()));
            // the source that reads the cell's dataset, chosen as the cell's JVM will choose it
            dev.ffbench.dataset.Datasets.source(cell.spec().dataset(), sources).ifPresent(source ->
                    extensions.datasetSources().stream().filter(s -> s.value() == source
                            && !s.origin().equals(Extensions.BUILT_IN)).forEach(s -> lines.add("dataset source " + s.name()
                                    + " (" + s.value().getClass().getName() + ") from " + s.origin())));
        }
        lines.forEach(line -> log.info("project's own " + line));
    }

    /**
     * Records the results as one more run of the history directory, with the commit git reports for
     * the project directory (none without git or a repository), the date and the environment
     * fingerprint. The same results recorded twice are written once. Returns the file written, or
     * the file that already held them. Refused, like {@link #baseline}, while a run holds the output
     * directory of a results file.
     */
    public static Path history(HistoryRequest request, HarnessLog log) throws IOException {
        ProjectPaths paths = new ProjectPaths(request.projectDirectory());
        try (OutputLock.Readers locks = OutputLock.acquireToRead(request.resultsFiles(), "history", paths::show)) {
            return recordHistory(request, paths, log);
        }
    }

    private static Path recordHistory(HistoryRequest request, ProjectPaths paths, HarnessLog log) throws IOException {
        ResultsDocument results = readAll(request.resultsFiles(), paths, log);
        if (!results.shards().isEmpty()) {
            throw new HarnessException(Problem.found("results " + describe(request.resultsFiles(), paths), "hold shard(s) "
                    + String.join(", ", results.shards()) + " of a " + results.matrixCells() + "-cell matrix, "
                    + results.cells().size() + " cells", "the whole matrix, so that every run of the history has"
                    + " the same cells (run ff:history on the results.json that ff:check wrote from every shard, or list"
                    + " every shard's results.json in ff.results)"));
        }
        History history = History.read(request.historyDirectory(), paths);
        Path projectDirectory = request.projectDirectory() == null ? Path.of("") : request.projectDirectory();
        String commit = new Git(Git.DEFAULT_EXECUTABLE, projectDirectory.toAbsolutePath()).headCommit().orElse(null);
        HistoryEntry.Gates gates = HistoryVerdict.read(request.resultsFiles(), results, paths, log);
        HistoryEntry entry = HistoryEntry.of(results, gates, commit, now());
        History.Run recorded = history.find(entry);
        if (recorded != null) {
            Path file = history.directory().resolve(recorded.file());
            log.info("history: the results of " + results.generatedAt() + " (" + entry.shortCommit() + ") are already"
                    + " recorded as " + paths.show(file) + "; nothing appended");
            return file;
        }
        Path file = history.append(entry);
        log.info("history: recorded the run of " + results.generatedAt() + " (" + (commit == null
                ? "no commit: git or a repository is missing" : "commit " + entry.shortCommit()) + ", "
                + count(results.cells().size(), "cell") + ", " + (gates == null ? "gates' verdict unknown" : gates.text())
                + ") as " + paths.show(file) + "; " + history.shownAs() + " holds "
                + count(history.runs().size() + 1, "run"));
        return file;
    }

    /** Judges the gates, compares every cell with the baseline when there is one, and decides the verdict. */
    private static ReportInputs judge(GateConfig gates, ResultsDocument results, Baseline baseline,
            OutputLayout layout, ProjectPaths paths, History history, Commits commits) {
        GateReport report = GateEvaluator.evaluate(gates, results, baseline.document(), baseline.source());
        BaselineComparison comparison = baseline.present()
                ? BaselineComparison.of(gates.tolerance(), results, baseline.document(), baseline.source()) : null;
        Verdict verdict = Verdict.of(report, results.failedCells().size(), comparison, gates.failOnViolation(),
                commits.head(), commits.baseline());
        return new ReportInputs(results, report, layout, paths, baseline,
                baseline.present() ? null : "no baseline file at " + baseline.source(), comparison, history,
                gates.gatedMetrics(), verdict);
    }

    /** What {@code parse} gives, or null when it throws: its problems are added, the sentences and those built as data. */
    private static <T> T collect(List<String> problems, List<Problem> typed, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (HarnessException e) {
            problems.addAll(e.problems());
            typed.addAll(e.typedProblems());
            return null;
        }
    }

    /** Adds {@code problem} to the sentences in order and to those built as data. */
    private static void add(Problem problem, List<String> problems, List<Problem> typed) {
        problems.add(problem.message());
        typed.add(problem);
    }

    /**
     * Writes the passed cells of the results as the new baseline, with the environment's fingerprint;
     * paths in messages are shown relative to {@code projectDirectory} (may be null). Refused while a run
     * holds the output directory of a results file ({@link OutputLock#acquireToRead}): its results.json
     * is not that run's yet.
     */
    public static ResultsDocument baseline(List<Path> resultsFiles, Path baselineFile, Path projectDirectory, HarnessLog log)
            throws IOException {
        ProjectPaths paths = new ProjectPaths(projectDirectory);
        if (Files.exists(baselineFile) && !Files.isRegularFile(baselineFile)) {
            throw new HarnessException(Problem.found("baseline " + paths.show(baselineFile), "is "
                    + (Files.isDirectory(baselineFile) ? "a directory" : "not a regular file"), "a file, written by"
                    + " ff:baseline (default ff-baseline.json in the project)"));
        }
        try (OutputLock.Readers locks = OutputLock.acquireToRead(resultsFiles, "baseline", paths::show)) {
            return recordBaseline(resultsFiles, baselineFile, paths, log);
        }
    }

    private static ResultsDocument recordBaseline(List<Path> resultsFiles, Path baselineFile, ProjectPaths paths,
            HarnessLog log) throws IOException {
        ResultsDocument results = readAll(resultsFiles, paths, log);
        List<CellRecord> passed = results.passedCells();
        if (passed.isEmpty()) {
            throw new HarnessException("no cell passed in " + describe(resultsFiles, paths) + ": nothing to record as the"
                    + " baseline (" + paths.show(baselineFile) + " is left as it was)");
        }
        if (!results.isComplete()) {
            log.warn("the results hold " + results.coverage() + ": the baseline gets only these cells, so the cells"
                    + " of the missing part will have no baseline cell to be judged against");
        }
        if (!results.failedCells().isEmpty()) {
            List<String> failed = results.failedCells().stream().map(CellRecord::id).toList();
            List<String> dropped = previousCellIds(baselineFile).stream().filter(failed::contains).toList();
            log.warn(failed.size() + (failed.size() == 1 ? " failed cell is" : " failed cells are") + " left out of the baseline: "
                    + String.join(", ", failed) + (dropped.isEmpty() ? "" : "; the previous " + paths.show(baselineFile)
                    + " had " + String.join(", ", dropped) + ", whose baseline figures are dropped: later runs judge "
                    + (dropped.size() == 1 ? "it as a new cell" : "them as new cells") + ", with no baseline gate, until "
                    + (dropped.size() == 1 ? "it passes" : "they pass") + " and ff:baseline records " + (dropped.size() == 1 ? "it" : "them")));
        }
        ResultsDocument baseline = new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, now(),
                results.matrixCells(), results.shards(), EnvironmentFingerprint.of(passed), passed);
        ResultsFiles.write(baselineFile, baseline);
        EnvironmentFingerprint fingerprint = baseline.fingerprint();
        log.info("wrote baseline " + paths.show(baselineFile) + ": " + passed.size() + " cells, measured on " + fingerprint.cpuModel()
                + ", Java " + fingerprint.javaVersion() + ", ND4J " + fingerprint.nd4jVersion() + " (" + fingerprint.blasVendor()
                + ", OPENBLAS_CORETYPE " + fingerprint.openblasCoreType() + "), " + fingerprint.threads() + " thread(s)");
        return baseline;
    }

    /** The cell ids of the baseline being replaced; none when there is none or it cannot be read (it is replaced anyway). */
    private static List<String> previousCellIds(Path baselineFile) {
        if (!Files.isRegularFile(baselineFile)) {
            return List.of();
        }
        try {
            return ResultsFiles.read(baselineFile, ResultsDocument.BASELINE).cells().stream().map(CellRecord::id).toList();
        } catch (HarnessException e) {
            return List.of();
        }
    }

    /** Reads every file (each checked, and named in errors as {@code paths} shows it), merging shards into one document. */
    public static ResultsDocument readAll(List<Path> files, ProjectPaths paths, HarnessLog log) {
        if (files.isEmpty()) {
            throw new HarnessException(Problem.found("results", "lists no file", "one or more results.json files"));
        }
        List<ResultsDocument> documents = new ArrayList<>();
        for (Path file : files) {
            documents.add(ResultsFiles.read(file, paths.show(file), ResultsDocument.RESULTS));
        }
        // merge names the files in its messages: as the project shows them
        ResultsDocument merged = ResultsFiles.merge(files.stream().map(file -> Path.of(paths.show(file))).toList(),
                documents, now(), log);
        if (files.size() > 1) {
            log.info("merged " + files.size() + " results files: " + merged.cells().size() + " of "
                    + merged.matrixCells() + " cells");
        }
        return merged;
    }

    /**
     * The formats every judged run gets, in the order they are written: summary.md, the JUnit XML and the
     * gates' verdict for the history; the request's writers (the HTML report, the workflow commands) follow.
     */
    private static final List<OutputWriter> BUILT_IN = List.of(new SummaryWriter(), new JUnitXmlWriter(),
            HistoryVerdict.WRITER);

    private static Outcome finish(ReportInputs inputs, List<Path> logDirectories, List<OutputWriter> writers,
            HarnessLog log) throws IOException {
        ResultsDocument results = inputs.results();
        GateReport gates = inputs.gates();
        OutputLayout layout = inputs.layout();
        List<OutputWriter> all = new ArrayList<>(BUILT_IN);
        all.addAll(writers);
        for (OutputWriter writer : all) {
            writer.write(inputs);
        }
        // the files named in the log are the writers' own: a writer added to the list is named without a second edit
        List<String> written = all.stream().flatMap(writer -> writer.namedFile(layout).stream())
                .map(file -> file.getFileName().toString()).toList();
        gates.warnings().forEach(log::warn);
        if (inputs.comparison() != null) {
            log.info("against baseline " + inputs.baseline().source() + ": " + inputs.comparison().tally());
        }
        log.info(results.passedCells().size() + " of " + results.cells().size() + " cells passed; " + gates.tally()
                + "; wrote " + inputs.paths().show(layout.results()) + ", " + String.join(", ", written));
        Verdict verdict = inputs.verdict();
        if (verdict.advisory()) {
            int n = verdict.violations();
            log.warn("the gates are advisory (failOnViolation=false): " + count(n, "gate violation") + " (" + gates.tally()
                    + ") " + (n == 1 ? "is" : "are") + " reported (log, " + String.join(", ", written) + ") but "
                    + (n == 1 ? "does" : "do") + " not fail the build:");
            gates.violations().forEach(violation -> log.warn("  " + violation.detail()));
        }
        return new Outcome(results, gates, layout, inputs.paths(), logDirectories, verdict);
    }

    /**
     * The previous run's results, summary, JUnit XML, report and gates.json go before any cell runs (as Surefire
     * clears its reports): a run that fails or is interrupted would otherwise leave them beside its own
     * cells, and ff:check, ff:baseline and ff:history would take them for this run's. cells/ stays: it
     * is what -Dff.resume reads, and a run without it clears it itself.
     */
    private static void removePreviousDocuments(OutputLayout layout, ProjectPaths paths, HarnessLog log) throws IOException {
        List<String> removed = new ArrayList<>();
        for (Path document : layout.documents()) {
            if (Files.isRegularFile(document, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(document)) {
                Files.delete(document);
                removed.add(document.getFileName().toString());
            }
        }
        if (!removed.isEmpty()) {
            log.info("removed the previous run's " + String.join(", ", removed) + " from " + paths.show(layout.directory())
                    + ": this run writes its own when it ends");
        }
    }

    /**
     * Old cell files would mix with this run's: only the harness's own files are removed, and the cell
     * records among them are counted in the log, which says how they could have been kept.
     */
    private static void clearPreviousRun(OutputLayout layout, ProjectPaths paths, HarnessLog log) throws IOException {
        if (Files.isDirectory(layout.cells())) {
            try (Stream<Path> files = Files.list(layout.cells())) {
                long records = files.filter(file -> file.getFileName().toString().endsWith(".json")).count();
                if (records > 0) {
                    log.info("removed the previous run's " + count((int) records, "cell record") + " from "
                            + paths.show(layout.cells()) + " (-Dff.resume keeps the passed ones of an interrupted run)");
                }
            }
        }
        for (Path directory : List.of(layout.cells(), layout.work())) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".json") || name.endsWith(".log") || name.endsWith(".tmp")
                                || name.endsWith(".hprof")) { // .log includes crash reports and replay data
                            Files.delete(file);
                        }
                    }
                }
            }
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String describe(List<Path> files, ProjectPaths paths) {
        return String.join(", ", files.stream().map(paths::show).toList());
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
