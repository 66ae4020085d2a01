package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example workflows run as copied: each one, for a push to main and for a pull request, in a scratch
 * git repository holding a tiny FF Bench project, every job and step in order ({@link WorkflowRunner}),
 * FF Bench installed by the workflow's own step from this repository's checkout (FF_BENCH_REPO=file://...,
 * FF_BENCH_REF its HEAD) into a throwaway local repository, offline. The cases share one cache, as runs of
 * one repository do: the first builds FF Bench, the others hit the cache. Between the first and the second,
 * the project records its baseline (mvn ff:baseline) and commits it, as the README's path does. Bound to
 * integration-test (a few minutes): it builds FF Bench once more and runs some 16 cells.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowRunIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path EXAMPLES = ROOT.resolve("examples/github-actions");
    static final ObjectMapper JSON = new ObjectMapper();
    /** What ff:benchmark writes (ff:check writes the same but cells/, which stay in the shards' artifacts). */
    static final List<String> OUTPUTS = List.of("TEST-ff-benchmark.xml", "cells", "gates.json", "report.html", "results.json",
            "summary.md");

    @TempDir
    static Path scratch;
    static Path origin;
    static Path localRepository;
    static Map<String, String> environment;
    static WorkflowRunner runner;

    @BeforeAll
    static void scratchRepository() throws Exception {
        String outer = System.getProperty("ff.outerLocalRepository");
        assertTrue(outer != null && Files.isDirectory(Path.of(outer)), "the build passes its local repository: " + outer);
        localRepository = Files.createDirectories(scratch.resolve("m2"));
        // `mvn` on the runner's PATH: this repository's wrapper, so Maven 3.9 (MAVEN_ARGS, a chained local repository)
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\nexec '" + ROOT.resolve("mvnw") + "' \"$@\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        environment = new LinkedHashMap<>();
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        // offline; what the jobs install goes to the throwaway repository, the rest is read from the build's own
        environment.put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + localRepository + " -Dmaven.repo.local.tail=" + outer);
        environment.put("GIT_AUTHOR_NAME", "test");
        environment.put("GIT_AUTHOR_EMAIL", "test@example.com");
        environment.put("GIT_COMMITTER_NAME", "test");
        environment.put("GIT_COMMITTER_EMAIL", "test@example.com");

        Path project = Files.createDirectories(scratch.resolve("project"));
        try (var pom = WorkflowRunIT.class.getResourceAsStream("/workflow-run/pom.xml")) {
            Files.writeString(project.resolve("pom.xml"), new String(pom.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@ff-bench.version@", System.getProperty("ff.benchVersion")));
        }
        Files.writeString(project.resolve(".gitignore"), "target/\n");
        git(project, "init", "-q", "-b", "main");
        git(project, "add", "-A");
        git(project, "commit", "-q", "-m", "A project benchmarked with FF Bench");
        origin = scratch.resolve("origin.git");
        git(scratch, "clone", "-q", "--bare", project.toString(), origin.toString());

        String head = git(ROOT, "rev-parse", "HEAD");
        runner = new WorkflowRunner(scratch.resolve("runs"), origin, localRepository, environment,
                Map.of("FF_BENCH_REPO", "file://" + ROOT, "FF_BENCH_REF", head));
    }

    @Test
    @Order(1)
    void theSingleJobWorkflowOnAPushInstallsFfBenchBenchmarksAndPublishes() throws Exception {
        WorkflowRunner.Run run = runner.run(EXAMPLES.resolve("ff-benchmark.yml"), push());
        WorkflowRunner.JobRun job = run.job("benchmark");
        assertEquals("success", job.result(), () -> describe(job));
        assertEquals("success", job.step("Install FF Bench").outcome(), "a cache miss: FF Bench is built from the repository");
        assertTrue(Files.isRegularFile(localRepository.resolve("dev/ffbench/ff-maven-plugin/0.1.0-SNAPSHOT/ff-maven-plugin-0.1.0-SNAPSHOT.jar")),
                "installed into the cached directory");
        assertPublished(run, job, "ff-benchmark", 4);

        // the README's quick start, step 4: record the baseline, commit it on main; then a pull request's branch
        Path workspace = job.workspace();
        StringBuilder log = new StringBuilder();
        assertEquals(0, WorkflowRunner.bash("mvn -B -q ff:baseline", workspace, environment, scratch, log), log::toString);
        Path clone = scratch.resolve("maintainer");
        git(scratch, "clone", "-q", origin.toString(), clone.toString());
        Files.copy(workspace.resolve("ff-baseline.json"), clone.resolve("ff-baseline.json"));
        git(clone, "add", "ff-baseline.json");
        git(clone, "commit", "-q", "-m", "The baseline");
        git(clone, "push", "-q", "origin", "main");
        git(clone, "checkout", "-q", "-b", "feature");
        Files.writeString(clone.resolve("NOTES.md"), "a change under review\n");
        git(clone, "add", "NOTES.md");
        git(clone, "commit", "-q", "-m", "A change");
        git(clone, "push", "-q", "origin", "feature");
    }

    @Test
    @Order(2)
    void theSingleJobWorkflowOnAPullRequestHitsTheCacheAndJudgesAgainstTheBaseline() throws Exception {
        WorkflowRunner.Run run = runner.run(EXAMPLES.resolve("ff-benchmark.yml"), pullRequest());
        WorkflowRunner.JobRun job = run.job("benchmark");
        assertEquals("success", job.result(), () -> describe(job));
        assertEquals("skipped", job.step("Install FF Bench").outcome(), "the cache has this revision");
        assertPublished(run, job, "ff-benchmark", 4);
        assertTrue(job.summary().contains("Comparison with the baseline"), "judged against the committed baseline: " + job.summary());
    }

    @Test
    @Order(3)
    void theShardedWorkflowOnAPushMergesTheShardsAndPushesTheHistoryEvenPastAnotherRun() throws Exception {
        // another run on main pushes its point to ff-history while this one runs: this push is rejected once
        runner.beforeStep("history", "Push the history", workspace -> competingPush(workspace));
        WorkflowRunner.Run run = runner.run(EXAMPLES.resolve("ff-benchmark-sharded.yml"), push());
        for (int i = 1; i <= 4; i++) {
            WorkflowRunner.JobRun shard = run.job("shard (" + i + ")");
            assertEquals("success", shard.result(), describe(shard));
            assertEquals("skipped", shard.step("Install FF Bench").outcome());
            JsonNode results = JSON.readTree(run.artifacts().resolve("ff-shard-" + i + "/results.json").toFile());
            assertEquals(1, results.get("cells").size(), "shard " + i + " of 4 holds a quarter of the 4 cells");
        }
        WorkflowRunner.JobRun check = run.job("check");
        assertEquals("success", check.result(), () -> describe(check));
        assertTrue(!Files.exists(check.workspace().resolve("ff-history")), "no ff-history branch yet");
        assertPublished(run, check, "ff-benchmark", 4);

        WorkflowRunner.JobRun history = run.job("history");
        assertEquals("success", history.result(), () -> describe(history));
        List<String> files = List.of(git(origin, "ls-tree", "--name-only", "ff-history").split("\n"));
        String sha7 = git(origin, "rev-parse", "--short=7", "main");
        assertEquals(2, files.size(), "both runs' points: " + files);
        assertEquals("20000101T000000Z-0000000.json", files.get(0));
        assertTrue(files.get(1).matches("\\d{8}T\\d{6}Z-" + sha7 + "\\.json"), files.get(1));
        JsonNode point = JSON.readTree(git(origin, "show", "ff-history:" + files.get(1)));
        assertEquals("history", point.get("kind").asText());
        assertEquals(4, point.get("cells").size());
    }

    @Test
    @Order(4)
    void theShardedWorkflowOnAPullRequestJudgesAgainstTheTargetBranchAndDrawsTheHistory() throws Exception {
        WorkflowRunner.Run run = runner.run(EXAMPLES.resolve("ff-benchmark-sharded.yml"), pullRequest());
        for (int i = 1; i <= 4; i++) {
            assertEquals("success", run.job("shard (" + i + ")").result(), describe(run.job("shard (" + i + ")")));
        }
        WorkflowRunner.JobRun check = run.job("check");
        assertEquals("success", check.result(), () -> describe(check));
        assertTrue(check.summary().contains("origin/main"), "judged against the target branch's baseline: " + check.summary());
        assertEquals("success", check.step("Comparison table on the pull request").outcome());
        try (Stream<Path> points = Files.list(check.workspace().resolve("ff-history"))) {
            assertEquals(2, points.filter(p -> p.toString().endsWith(".json")).count(), "the history branch, for the trends");
        }
        assertPublished(run, check, "ff-benchmark", 4);
        assertEquals("skipped", run.job("history").result(), "a pull request adds no point to the history");
    }

    /**
     * The artifact holds every output (ff:check's no cells/), its results the whole matrix passed, and the job
     * summary is summary.md.
     */
    static void assertPublished(WorkflowRunner.Run run, WorkflowRunner.JobRun job, String artifact, int cells) throws IOException {
        Path directory = run.artifacts().resolve(artifact);
        boolean check = job.name().equals("check");
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(OUTPUTS.stream().filter(f -> !check || !f.equals("cells")).toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), artifact);
        }
        JsonNode results = JSON.readTree(directory.resolve("results.json").toFile());
        assertEquals(cells, results.get("cells").size());
        results.get("cells").forEach(c -> assertEquals("passed", c.get("status").asText(), c.get("id").asText()));
        if (!check) {
            try (Stream<Path> files = Files.list(directory.resolve("cells"))) {
                assertEquals(2 * cells, files.count(), "one JSON and one log per cell");
            }
        }
        assertEquals(Files.readString(directory.resolve("summary.md")), job.summary(), "summary.md is the job summary");
    }

    /** Another run's point, pushed to ff-history after this job checked the branch out and before it pushes. */
    static void competingPush(Path workspace) {
        try {
            Path other = scratch.resolve("other-run");
            git(scratch, "clone", "-q", origin.toString(), other.toString());
            if (git(other, "ls-remote", "origin", "ff-history").isEmpty()) {
                git(other, "checkout", "-q", "--orphan", "ff-history");
                git(other, "rm", "-rfq", ".");
            } else {
                git(other, "checkout", "-q", "ff-history");
            }
            try (Stream<Path> points = Files.list(workspace.resolve("ff-history"))) {
                Path ours = points.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
                Files.copy(ours, other.resolve("20000101T000000Z-0000000.json"));
            }
            git(other, "add", "-A");
            git(other, "commit", "-q", "-m", "another run's point");
            git(other, "push", "-q", "origin", "HEAD:refs/heads/ff-history");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkflowRunner.Event push() throws IOException {
        return new WorkflowRunner.Event("push", "refs/heads/main", git(origin, "rev-parse", "main"), "", "");
    }

    static WorkflowRunner.Event pullRequest() throws IOException {
        return new WorkflowRunner.Event("pull_request", "refs/pull/1/merge", git(origin, "rev-parse", "feature"), "main", "feature");
    }

    static String describe(WorkflowRunner.JobRun job) {
        StringBuilder text = new StringBuilder(job.name() + " " + job.result() + ":\n");
        job.steps().forEach(s -> text.append("- ").append(s.name()).append(": ").append(s.outcome()).append('\n')
                .append(s.outcome().equals("failure") ? s.output() : ""));
        return text.toString();
    }

    /** Runs git in {@code directory} with the test's identity; its trimmed output, or an error with it. */
    static String git(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("GIT_AUTHOR_NAME", "test", "GIT_AUTHOR_EMAIL", "test@example.com",
                "GIT_COMMITTER_NAME", "test", "GIT_COMMITTER_EMAIL", "test@example.com"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (process.waitFor() != 0) {
                throw new IOException(command + " in " + directory + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }
}
