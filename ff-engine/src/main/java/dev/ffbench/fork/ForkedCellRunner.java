package dev.ffbench.fork;

import dev.ffbench.cli.ParentWatchdog;
import dev.ffbench.cli.RunFailure;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.io.AtomicFiles;
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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one cell in its own JVM: the engine's command line ({@code run --spec --out}) with the
 * configured class path and JVM arguments, so the figures hold no Maven heap and every cell starts
 * from clean memory. Output goes to the cell's log; a failure (non-zero exit, out of memory,
 * timeout, no result) becomes a failed {@link CellRecord} with the reason and the log's tail,
 * never an exception, so the other cells still run.
 */
public final class ForkedCellRunner {
    public static final int LOG_TAIL_LINES = 20;
    /** The log's last lines searched for why the fork failed (a crash block, the engine's message, the ending exception). */
    private static final int REASON_LINES = 1_000;
    /**
     * A line saying that an OutOfMemoryError ended the JVM: the main thread's uncaught error, or the JVM's own
     * line under -XX:+ExitOnOutOfMemoryError (or CrashOnOutOfMemoryError); never a line that merely mentions it.
     */
    private static final java.util.regex.Pattern ENDED_OUT_OF_MEMORY = java.util.regex.Pattern.compile(
            "^(Exception in thread \"main\" |Terminating due to |Aborting due to )java\\.lang\\.OutOfMemoryError\\b");
    private static final String UNCAUGHT = "Exception in thread \"main\" ";

    private final ForkOptions options;
    private final OutputLayout layout;
    private final String mainClass;
    /** What every cell of this run runs: recorded with each cell, for resume. */
    private final String code;
    /** Forks still running, destroyed if the build is interrupted (Ctrl-C) so none outlives it. */
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** @param code the {@link CodeFingerprint} of the forks' class path, recorded with every cell */
    ForkedCellRunner(ForkOptions options, OutputLayout layout, String code) {
        this(options, layout, ForkOptions.ENGINE_MAIN_CLASS, code);
    }

    /** Runs {@code mainClass} in the forks instead of the engine, started exactly the same way (for tests). */
    ForkedCellRunner(ForkOptions options, OutputLayout layout, String mainClass, String code) {
        this.options = options;
        this.layout = layout;
        this.mainClass = mainClass;
        this.code = code;
    }

    /**
     * Runs the cell; null when the harness is stopping (the build was interrupted): the cell is then
     * missing, not failed, and its partial files are removed. The fork writes its log to
     * {@code work/<id>.log}, moved whole to {@code cells/<id>.log} when the cell ends.
     */
    CellRecord run(Cell cell) {
        long start = System.nanoTime();
        Path spec = layout.work().resolve(cell.id() + ".spec.json");
        Path out = layout.work().resolve(cell.id() + ".result.json");
        Path workLog = layout.work().resolve(cell.id() + ".log");
        Path failure = layout.work().resolve(cell.id() + ".failure.json");
        Path log = layout.cells().resolve(cell.id() + ".log");
        CellRecord record;
        try {
            Files.createDirectories(layout.cells());
            AtomicFiles.write(spec, Json.write(cell.spec()));
            Files.deleteIfExists(out);
            Files.deleteIfExists(failure);
            for (Path crashFile : layout.crashFiles(cell.id())) {
                Files.deleteIfExists(crashFile); // an earlier run's: a crash file always belongs to this run of the cell
            }
            record = fork(cell, spec, out, failure, workLog, start);
            if (!stopping) {
                Files.move(workLog, log, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            record = CellRecord.failed(cell, "could not run the cell: " + e, tail(workLog), seconds(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record = CellRecord.failed(cell, "interrupted", tail(workLog), seconds(start));
        } finally {
            for (Path file : List.of(spec, out, failure, workLog)) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // left in work/, which the next run clears
                }
            }
        }
        return stopping ? null : record.withCode(code);
    }

    /** True once the build is being interrupted: no more records are written. */
    boolean stopping() {
        return stopping;
    }

    private CellRecord fork(Cell cell, Path spec, Path out, Path failure, Path log, long start)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(cell, spec, out, failure))
                .directory(options.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(builder.environment(), cell.spec().threads());
        if (stopping) {
            throw new InterruptedException("the build is being interrupted");
        }
        Process process = builder.start();
        running.add(process);
        if (stopping) {
            destroy(process); // the shutdown hook may have run between start() and add()
        }
        try {
            // no input: a cell that reads standard input sees its end at once instead of waiting for cellTimeout
            process.getOutputStream().close();
            if (!process.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                destroy(process);
                return CellRecord.failed(cell, "timed out after " + options.timeout().toSeconds()
                        + " s (cellTimeout); the JVM was killed", tail(log), seconds(start));
            }
        } finally {
            running.remove(process);
        }
        int exit = process.exitValue();
        List<String> tail = tail(log);
        if (exit == 0 && Files.isRegularFile(out)) {
            ExperimentResult result = Json.mapper().readValue(out.toFile(), ExperimentResult.class);
            if (!cell.spec().equals(result.spec())) {
                // the result is stored under the cell's spec: it must be the spec the fork ran
                String sent = ForkLog.cap(Json.write(result.spec()).replaceAll("\\s+", " "));
                return CellRecord.failed(cell, Problem.found("the fork's result", "is of another spec than the cell's ("
                        + sent + ")", "the spec it was sent (is the fork's class path this plugin's?)").message(),
                        tail, seconds(start));
            }
            // a figure the gates would judge must be one: the fork's JVM ran a project's code, which could have
            // corrupted what it wrote (results files read back are checked the same way)
            // the failed cell's reason is text in its record: the problems are worded here, where they end
            List<Problem> outOfRange = ResultsFiles.figureChecks("its result", result);
            if (!outOfRange.isEmpty()) {
                return CellRecord.failed(cell, ForkLog.cap("the fork's result has figures out of range: "
                        + String.join("; ", outOfRange.stream().map(Problem::message).toList())), tail, seconds(start));
            }
            return CellRecord.passed(cell, result, seconds(start));
        }
        java.util.Optional<RunFailure> ended = RunFailure.read(failure);
        ended.ifPresent(reported -> keepStack(reported, log));
        return CellRecord.failed(cell, reason(exit, ended, log, layout.crashReport(cell.id())), tail, seconds(start));
    }

    /**
     * Appends the stack the fork reported to the cell's log (after its tail was taken, so the tail in
     * results.json stays the fork's own output): the reason the user reads stays one line, and the log it
     * points to holds where the run failed, engine frames included.
     */
    private static void keepStack(RunFailure reported, Path log) {
        if (reported.stack() == null) {
            return; // an older engine's file
        }
        try {
            Files.writeString(log, System.lineSeparator() + "ff-bench: the fork's failure (" + reported.kind()
                    + ") with its whole stack, as the engine reported it:" + System.lineSeparator() + reported.stack(),
                    java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log then lacks the whole stack; the reason and the fork's own output still say why the cell failed
        }
    }

    private List<String> command(Cell cell, Path spec, Path out, Path failure) {
        List<String> command = new ArrayList<>();
        command.add(options.javaExecutable().toString());
        // crash files go to cells/, never into the working directory (the user's project); before
        // the user's jvmArgs, so that an option given there wins
        command.add("-XX:ErrorFile=" + jvmFileOption(layout.crashReport(cell.id())));
        command.add("-XX:ReplayDataFile=" + jvmFileOption(layout.compilerReplay(cell.id())));
        command.add("-XX:HeapDumpPath=" + jvmFileOption(layout.heapDump(cell.id())));
        command.add("-XX:-CreateCoredumpOnCrash"); // a core file would land in the working directory
        command.addAll(options.jvmArgs());
        // after the user's jvmArgs: the record of large Java objects outside the ledger depends on them
        command.addAll(dev.ffbench.memory.HeapOutsideLedger.JVM_OPTIONS);
        // the fork ends by itself if this JVM dies without killing it (kill -9): see ParentWatchdog
        command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, options.forkClasspath().stream().map(Path::toString).toList()));
        command.add(mainClass);
        // the cell's spec as resolved here, run as it is: the fork parses nothing again
        command.addAll(List.of("run", "--cell-spec", spec.toString(), "--out", out.toString(), "--failure", failure.toString()));
        return command;
    }

    /**
     * OpenMP follows the cell's thread count; with more than one thread OpenMP must not spin, or
     * runs on 2-core machines slow down 2-3x. OPENBLAS_CORETYPE is inherited untouched.
     */
    private static void environment(Map<String, String> environment, int threads) {
        environment.put("OMP_NUM_THREADS", String.valueOf(threads));
        if (threads > 1) {
            environment.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        }
    }

    /** The JVM expands %p in these options to the pid: a literal % is written %%. */
    private static String jvmFileOption(Path file) {
        return file.toString().replace("%", "%%");
    }

    /**
     * Why the fork failed: what the engine wrote to its failure file ({@code ended}, the exception that ended the
     * run); when the JVM died without writing it, from its exit code, its log and the crash report the JVM may
     * have written.
     */
    private static String reason(int exit, java.util.Optional<RunFailure> ended, Path log, Path crashReport)
            throws IOException {
        if (ended.isPresent()) {
            return reason(ended.get(), exit);
        }
        List<String> lines = ForkLog.lastLines(log, REASON_LINES);
        java.util.Optional<JvmCrash.Summary> crash = JvmCrash.find(lines).or(() -> JvmCrash.fromReport(crashReport));
        if (crash.isPresent()) {
            Path report = crash.get().report() != null ? crash.get().report()
                    : Files.isRegularFile(crashReport) ? crashReport : null;
            return "the JVM crashed (" + exitCode(exit) + "): " + ForkLog.cap(crash.get().text())
                    + (report == null ? "" : "; crash report: " + report);
        }
        if (lines.stream().anyMatch(line -> ENDED_OUT_OF_MEMORY.matcher(line).find())) {
            return outOfMemory(exit);
        }
        String engineMessage = engineMessage(lines);
        if (exit == 2 && !engineMessage.isEmpty()) {
            return "the engine rejected the cell (exit code 2: bad spec or dataset)" + engineMessage;
        }
        if (exit == 1 && !engineMessage.isEmpty()) {
            return "the run failed (exit code 1)" + engineMessage;
        }
        // the exception that ended the main thread, else the last line that says something (not a lone "#"
        // closing a block)
        String lastLine = lines.stream().filter(line -> line.startsWith(UNCAUGHT)).reduce((first, second) -> second)
                .or(() -> lines.stream().filter(line -> !line.isBlank() && !line.strip().matches("#+"))
                        .reduce((first, second) -> second)).orElse("");
        return (exit == 0 ? "the JVM exited with code 0 but wrote no result" : "the JVM exited with code " + exit
                + (exit > 128 ? " (killed by signal " + (exit - 128) + ")" : ""))
                + (lastLine.isEmpty() ? "" : ": " + lastLine.trim());
    }

    /**
     * The reason of a failure the engine wrote down, by its kind; its message on one line (a list of problems
     * joined as the log's indented lines are) and cut as a log line is.
     */
    private static String reason(RunFailure failure, int exit) {
        String message = ForkLog.cap(String.join(" ", failure.message().lines().map(String::trim)
                .filter(line -> !line.isEmpty()).toList()));
        return switch (failure.kind()) {
            case REJECTED -> "the engine rejected the cell (exit code " + exit + ": bad spec or dataset): " + message;
            case DIVERGED -> "training diverged (the cell was stopped, no accuracy is reported): "
                    + message.replaceFirst("^training diverged: ", "");
            case OUT_OF_MEMORY -> outOfMemory(exit);
            case ESCAPED_ALLOCATION, MODEL_FAILED, OTHER -> "the run failed (exit code " + exit + "): " + message;
        };
    }

    private static String outOfMemory(int exit) {
        return "ran out of memory (OutOfMemoryError, exit code " + exit + "); raise -Xmx in jvmArgs or shrink the cell";
    }

    /** "exit code 134, killed by signal 6". */
    private static String exitCode(int exit) {
        return "exit code " + exit + (exit > 128 ? ", killed by signal " + (exit - 128) : "");
    }

    /** The engine's own error ("ff-engine: ..." and its indented continuation lines), or "". */
    private static String engineMessage(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("ff-engine: ")) {
                StringBuilder message = new StringBuilder(": ").append(lines.get(i).substring("ff-engine: ".length()));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("  "); j++) {
                    message.append(' ').append(lines.get(j).trim());
                }
                return ForkLog.cap(message.toString());
            }
        }
        return "";
    }

    /** The log's last {@link #LOG_TAIL_LINES} lines, each at most {@link ForkLog#MAX_LINE_CHARS} characters. */
    static List<String> tail(Path log) {
        try {
            return ForkLog.lastLines(log, LOG_TAIL_LINES);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(ForkLog.cap("(log unreadable: " + e.getMessage() + ")"));
        }
    }

    /** Kills every fork still running (at the end of a run, or when it fails). */
    void destroyAll() {
        running.forEach(ForkedCellRunner::destroy);
    }

    /**
     * The build is being interrupted (the JVM shutdown hook): no fork starts any more, those running
     * are killed with their descendants, and no cell finishing now is recorded.
     */
    void stop() {
        stopping = true;
        destroyAll();
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
