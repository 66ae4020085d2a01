package dev.ffbench.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a GitHub Actions workflow on this machine as a runner would, for one event: its jobs in order
 * (each matrix value a job of its own, each job in a fresh clone of the scratch repository's origin),
 * every {@code run:} step with bash and the environment variables GitHub sets, the {@code if:} conditions
 * evaluated, and the {@code uses:} steps the workflows need emulated for their effect: checkout (a clone,
 * shallow unless fetch-depth is 0), setup-java (the JDK running the tests), cache (keys kept across runs,
 * saved when a job that missed succeeds), upload-artifact (the files at its path must exist, and are
 * kept), download-artifact (by name or pattern), and the two publishing actions (the file they read must
 * exist). Any other action or expression is an error, so the emulation cannot silently skip a step.
 */
final class WorkflowRunner {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What triggered the run: the event, GITHUB_REF and the commit checked out. */
    record Event(String name, String ref, String sha, String baseRef, String headRef) {
    }

    /** One step as it ran: its outcome (success, failure or skipped) and what it printed. */
    record StepRun(String name, String outcome, String output) {
    }

    /** A finished run: its jobs by name, and the directory holding its artifacts (one directory per artifact). */
    record Run(Map<String, JobRun> jobs, Path artifacts) {
        JobRun job(String name) {
            JobRun job = jobs.get(name);
            if (job == null) {
                throw new AssertionError("no job " + name + ": " + jobs.keySet());
            }
            return job;
        }
    }

    /** One job as it ran (a matrix job is named with its value): result, steps, workspace and job summary. */
    record JobRun(String name, String result, List<StepRun> steps, Path workspace, String summary) {
        StepRun step(String stepName) {
            return steps.stream().filter(s -> s.name().equals(stepName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no step " + stepName + ": " + steps));
        }
    }

    private final Path scratch;
    private final Path origin;
    private final Path localRepository;
    private final Map<String, String> environment;
    private final Map<String, String> overrides;
    private final Set<String> cacheKeys = new HashSet<>();
    private final Map<String, Consumer<Path>> beforeStep = new LinkedHashMap<>();
    private int runs;

    /**
     * @param scratch         where jobs get their workspaces, temp directories and artifacts
     * @param origin          the bare repository that checkout clones
     * @param localRepository what ~/.m2/repository stands for (the cache action's path)
     * @param environment     variables every step gets besides GitHub's (PATH, MAVEN_ARGS, ...)
     * @param overrides       values that replace the workflow's env: of the same name (FF_BENCH_REPO, ...)
     */
    WorkflowRunner(Path scratch, Path origin, Path localRepository, Map<String, String> environment, Map<String, String> overrides) {
        this.scratch = scratch;
        this.origin = origin;
        this.localRepository = localRepository;
        this.environment = environment;
        this.overrides = overrides;
    }

    /** Runs {@code action} with the job's workspace just before the step named {@code step} of job {@code job}. */
    void beforeStep(String job, String step, Consumer<Path> action) {
        beforeStep.put(job + "/" + step, action);
    }

    /** Runs every job of the workflow for {@code event}. */
    Run run(Path workflowFile, Event event) throws IOException, InterruptedException {
        JsonNode workflow = YAML.readTree(workflowFile.toFile());
        Path run = Files.createDirectories(scratch.resolve("run-" + (++runs) + "-" + event.name()));
        Map<String, JobRun> jobs = new LinkedHashMap<>();
        Map<String, String> jobResults = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = workflow.get("jobs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode job = entry.getValue();
            List<String> needs = new ArrayList<>();
            if (job.has("needs")) {
                job.get("needs").forEach(n -> needs.add(n.asText()));
                if (job.get("needs").isTextual()) {
                    needs.add(job.get("needs").asText());
                }
            }
            for (String need : needs) {
                if (!jobResults.containsKey(need)) {
                    throw new IllegalStateException("job " + id + " needs " + need + ", which comes later in the file");
                }
            }
            List<String> matrix = new ArrayList<>();
            String matrixKey = null;
            if (job.has("strategy")) {
                Iterator<Map.Entry<String, JsonNode>> axes = job.get("strategy").get("matrix").fields();
                Map.Entry<String, JsonNode> axis = axes.next();
                matrixKey = axis.getKey();
                axis.getValue().forEach(v -> matrix.add(v.asText()));
            } else {
                matrix.add(null);
            }
            String combined = "success";
            for (String value : matrix) {
                String name = value == null ? id : id + " (" + value + ")";
                JobRun result = runJob(workflow, id, name, job, matrixKey, value, needs, jobResults, event, run);
                jobs.put(name, result);
                if (result.result().equals("failure")) {
                    combined = "failure";
                } else if (result.result().equals("skipped") && combined.equals("success")) {
                    combined = "skipped";
                }
            }
            jobResults.put(id, combined);
        }
        return new Run(jobs, run.resolve("artifacts"));
    }

    private JobRun runJob(JsonNode workflow, String id, String name, JsonNode job, String matrixKey, String matrixValue,
            List<String> needs, Map<String, String> jobResults, Event event, Path run) throws IOException, InterruptedException {
        Path home = Files.createDirectories(run.resolve(name.replaceAll("[^A-Za-z0-9-]", "_")));
        Path workspace = Files.createDirectories(home.resolve("workspace"));
        Path temp = Files.createDirectories(home.resolve("temp"));
        Path summary = home.resolve("step-summary.md");
        Files.writeString(summary, "");
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        boolean[] failed = {needs.stream().anyMatch(n -> !jobResults.get(n).equals("success"))};
        WorkflowExpressions.Scope scope = new WorkflowExpressions.Scope() {
            @Override
            public Object context(String path) {
                String[] parts = path.split("\\.");
                return switch (parts[0]) {
                    case "github" -> switch (path) {
                        case "github.event_name" -> event.name();
                        case "github.ref" -> event.ref();
                        case "github.sha" -> event.sha();
                        case "github.base_ref" -> event.baseRef();
                        case "github.head_ref" -> event.headRef();
                        case "github.repository" -> "example/project";
                        case "github.event.pull_request.head.repo.full_name" -> event.name().equals("pull_request") ? "example/project" : null;
                        default -> throw new IllegalArgumentException("github context " + path + " is not emulated");
                    };
                    case "matrix" -> parts[1].equals(matrixKey) ? matrixValue : null;
                    case "env" -> env.get(parts[1]);
                    case "steps" -> parts.length == 4 && parts[2].equals("outputs")
                            ? outputs.getOrDefault(parts[1], Map.of()).get(parts[3]) : fail(path);
                    case "needs" -> parts.length == 3 && parts[2].equals("result") ? jobResults.get(parts[1]) : fail(path);
                    case "runner" -> path.equals("runner.temp") ? temp.toString() : fail(path);
                    default -> fail(path);
                };
            }

            @Override
            public boolean failed() {
                return failed[0];
            }

            @Override
            public String hashFiles(String pattern) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
                try (Stream<Path> files = Files.walk(workspace)) {
                    long n = files.filter(Files::isRegularFile).filter(f -> matcher.matches(workspace.relativize(f))).count();
                    return n == 0 ? "" : "hash-of-" + n;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        putAll(env, workflow.get("env"), scope);
        env.putAll(overrides);
        if (job.has("if") && !WorkflowExpressions.condition(job.get("if").asText(), scope)
                || !job.has("if") && failed[0]) {
            return new JobRun(name, "skipped", List.of(), workspace, "");
        }
        putAll(env, job.get("env"), scope);
        env.putAll(overrides);
        List<StepRun> steps = new ArrayList<>();
        List<String> saveOnSuccess = new ArrayList<>();
        for (JsonNode step : job.get("steps")) {
            String stepName = WorkflowExpressions.interpolate(step.has("name") ? step.get("name").asText()
                    : step.has("uses") ? step.get("uses").asText() : step.get("run").asText().lines().findFirst().orElse(""), scope);
            if (step.has("if") ? !WorkflowExpressions.condition(step.get("if").asText(), scope) : failed[0]) {
                steps.add(new StepRun(stepName, "skipped", ""));
                continue;
            }
            Consumer<Path> hook = beforeStep.get(id + "/" + stepName);
            if (hook != null) {
                hook.accept(workspace);
            }
            Map<String, String> stepEnv = new LinkedHashMap<>(env);
            putAll(stepEnv, step.get("env"), scope);
            Map<String, String> with = new LinkedHashMap<>();
            putAll(with, step.get("with"), scope);
            Path output = temp.resolve("github-output");
            Files.writeString(output, "");
            StringBuilder log = new StringBuilder();
            boolean ok;
            if (step.has("run")) {
                Map<String, String> variables = new LinkedHashMap<>(environment);
                variables.putAll(Map.of("CI", "true", "GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString(),
                        "GITHUB_EVENT_NAME", event.name(), "GITHUB_REF", event.ref(), "GITHUB_SHA", event.sha(),
                        "GITHUB_BASE_REF", event.baseRef(), "GITHUB_HEAD_REF", event.headRef(),
                        "GITHUB_REPOSITORY", "example/project", "RUNNER_TEMP", temp.toString()));
                variables.putAll(Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString(),
                        "GITHUB_JOB", id, "RUNNER_OS", "Linux"));
                variables.putAll(stepEnv);
                ok = bash(WorkflowExpressions.interpolate(step.get("run").asText(), scope), workspace, variables, temp, log) == 0;
            } else {
                ok = uses(step.get("uses").asText(), with, workspace, event, run, output, saveOnSuccess, log);
            }
            if (step.has("id")) {
                outputs.put(step.get("id").asText(), readOutputs(output));
            }
            boolean continueOnError = step.has("continue-on-error") && step.get("continue-on-error").asBoolean();
            steps.add(new StepRun(stepName, ok ? "success" : "failure", log.toString()));
            if (!ok && !continueOnError) {
                failed[0] = true;
            }
        }
        if (!failed[0]) {
            cacheKeys.addAll(saveOnSuccess);
        }
        return new JobRun(name, failed[0] ? "failure" : "success", steps, workspace, Files.readString(summary));
    }

    private static Object fail(String path) {
        throw new IllegalArgumentException("context " + path + " is not emulated");
    }

    private static void putAll(Map<String, String> into, JsonNode map, WorkflowExpressions.Scope scope) {
        if (map != null) {
            map.fields().forEachRemaining(e -> into.put(e.getKey(), WorkflowExpressions.interpolate(e.getValue().asText(), scope)));
        }
    }

    private static Map<String, String> readOutputs(Path output) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(output)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /** Runs a script as GitHub's default shell does on Linux (bash -e), in the workspace; returns the exit code. */
    static int bash(String script, Path directory, Map<String, String> variables, Path temp, StringBuilder log)
            throws IOException, InterruptedException {
        Path file = Files.createTempFile(temp, "step", ".sh");
        Files.writeString(file, script);
        Path out = temp.resolve("step.log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", file.toString()).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(variables);
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("step did not end in 20 minutes: " + script);
        }
        log.append(Files.readString(out, StandardCharsets.UTF_8));
        return process.exitValue();
    }

    private boolean uses(String uses, Map<String, String> with, Path workspace, Event event, Path run, Path output,
            List<String> saveOnSuccess, StringBuilder log) throws IOException, InterruptedException {
        String action = uses.substring(0, uses.indexOf('@'));
        Path artifacts = run.resolve("artifacts");
        switch (action) {
            case "actions/checkout" -> {
                // the full history and every branch with fetch-depth 0, else one commit, as actions/checkout does
                boolean full = "0".equals(with.get("fetch-depth"));
                String branch = event.name().equals("pull_request") ? event.headRef() : event.ref().replace("refs/heads/", "");
                List<String> clone = full ? List.of("git", "clone", "-q", "--branch", branch, "file://" + origin, ".")
                        : List.of("git", "clone", "-q", "--depth", "1", "--single-branch", "--branch", branch, "file://" + origin, ".");
                return git(workspace, log, clone.toArray(String[]::new)) && git(workspace, log, "git", "checkout", "-q", "--detach", event.sha());
            }
            case "actions/setup-java" -> {
                log.append("setup-java: the JDK running the tests, asked for ").append(with.get("java-version"));
                return "17".equals(with.get("java-version")) && Runtime.version().feature() >= 17;
            }
            case "actions/cache" -> {
                boolean hit = cacheKeys.contains(with.get("key"));
                Files.writeString(output, "cache-hit=" + hit + "\n");
                Path path = Path.of(with.get("path").replace("~/.m2/repository", localRepository.toString()));
                log.append("cache ").append(with.get("key")).append(hit ? ": hit, restored " : ": miss, to save ").append(path);
                if (!hit) {
                    saveOnSuccess.add(with.get("key"));
                }
                return true;
            }
            case "actions/upload-artifact" -> {
                Path path = workspace.resolve(with.get("path"));
                if (!Files.isDirectory(path) || isEmpty(path)) {
                    log.append("upload-artifact: no files at ").append(with.get("path"));
                    return !"error".equals(with.get("if-no-files-found"));
                }
                copy(path, artifacts.resolve(with.get("name")));
                return true;
            }
            case "actions/download-artifact" -> {
                Path path = workspace.resolve(with.get("path"));
                if (with.containsKey("name")) {
                    if (!Files.isDirectory(artifacts.resolve(with.get("name")))) {
                        log.append("download-artifact: no artifact ").append(with.get("name"));
                        return false;
                    }
                    copy(artifacts.resolve(with.get("name")), path);
                    return true;
                }
                PathMatcher pattern = FileSystems.getDefault().getPathMatcher("glob:" + with.get("pattern"));
                if (!Files.isDirectory(artifacts)) {
                    log.append("download-artifact: this run uploaded no artifact");
                    return false;
                }
                try (Stream<Path> names = Files.list(artifacts)) {
                    for (Path artifact : names.filter(a -> pattern.matches(a.getFileName())).toList()) {
                        copy(artifact, path.resolve(artifact.getFileName().toString()));
                    }
                }
                return Files.isDirectory(path);
            }
            case "mikepenz/action-junit-report" -> {
                return Files.isRegularFile(workspace.resolve(with.get("report_paths")));
            }
            case "marocchino/sticky-pull-request-comment" -> {
                return Files.isRegularFile(workspace.resolve(with.get("path")));
            }
            default -> throw new IllegalArgumentException("action " + uses + " is not emulated");
        }
    }

    static boolean git(Path directory, StringBuilder log, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        log.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return process.waitFor() == 0;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }

    /** Copies the files under {@code from} as upload-artifact v4 does: files only (no empty directory), no hidden file. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(f);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden) {
                    Path target = to.resolve(relative.toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
    }
}
