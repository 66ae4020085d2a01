package dev.ffbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline read at a git revision, with a real git in a throwaway repository. */
class BaselineSourceTest {
    @TempDir
    Path repository;

    static String baseline(long trainingPeak) {
        List<CellRecord> cells = List.of(TestCells.passed(0, "ff-a", TestCells.spec("ff-base", 2, 16, 1), trainingPeak, 500, 0.9));
        return dev.ffbench.io.Json.write(new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
                "2026-11-01T00:00:00Z", 1, List.of(), EnvironmentFingerprint.of(cells), cells));
    }

    /** A repository whose module "app" commits its baseline on main (training peak 1,000 B), then changes it uncommitted. */
    Path module() throws Exception {
        Path module = Files.createDirectories(repository.resolve("app"));
        git("init", "-q");
        git("checkout", "-q", "-b", "main");
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        git("add", ".");
        commit("no baseline yet");
        git("tag", "before");
        Files.writeString(module.resolve("ff-baseline.json"), baseline(1_000));
        git("add", ".");
        commit("baseline");
        Files.writeString(module.resolve("ff-baseline.json"), baseline(2_000));
        return module;
    }

    static long trainingPeak(ResultsDocument document) {
        return (long) Metric.TRAINING_PEAK_BYTES.of(document.cells().get(0).result());
    }

    /** Loads with the default tolerance into {@code log}. */
    static Baseline load(BaselineSource source, ProjectPaths paths, RecordingLog log) {
        return source.load(paths, BaselineTolerance.DEFAULTS, log);
    }

    static Baseline load(BaselineSource source, ProjectPaths paths) {
        return load(source, paths, new RecordingLog());
    }

    @Test
    void theBaselineIsReadAsCommittedAtTheRevisionWhenTheWorkingTreeHasTheSameFile() throws Exception {
        Path module = module();
        // the same baseline, written with other line endings and indentation: no re-recording
        Files.writeString(module.resolve("ff-baseline.json"), baseline(1_000).replace("\n", "\r\n  "));
        String head = git("rev-parse", "HEAD").trim();
        ProjectPaths paths = new ProjectPaths(module);
        RecordingLog log = new RecordingLog();

        Baseline atMain = load(BaselineSource.of(module.resolve("ff-baseline.json"), "main"), paths, log);
        assertEquals(1_000, trainingPeak(atMain.document()));
        assertEquals("ff-baseline.json at main (commit " + head.substring(0, 7) + ")", atMain.source());
        assertNull(atMain.rerecording());
        assertEquals(List.of(), log.lines());

        Files.writeString(module.resolve("ff-baseline.json"), baseline(2_000));
        Baseline workingTree = load(BaselineSource.of(module.resolve("ff-baseline.json"), " "), paths);
        assertEquals(2_000, trainingPeak(workingTree.document()));
        assertEquals("ff-baseline.json", workingTree.source());
        assertNull(workingTree.rerecording(), "without baselineRef the working tree's file is the baseline, no banner");

        Baseline none = load(BaselineSource.of(module.resolve("other.json"), null), paths);
        assertFalse(none.present());
        assertEquals("other.json", none.source());
    }

    @Test
    void aPullRequestThatReRecordsTheBaselineIsJudgedAgainstItsOwnFileWithTheChangesListed() throws Exception {
        Path module = module(); // main: 1,000 B; the working tree re-records 2,000 B
        String main = git("rev-parse", "main").trim().substring(0, 7);
        ProjectPaths paths = new ProjectPaths(module);
        RecordingLog log = new RecordingLog();

        Baseline baseline = load(BaselineSource.of(module.resolve("ff-baseline.json"), "main"), paths, log);

        assertEquals(2_000, trainingPeak(baseline.document()), "the pull request's own file");
        assertEquals("ff-baseline.json as re-recorded by this pull request (it differs from the one at main, commit "
                + main + ")", baseline.source());
        BaselineRerecording rerecording = baseline.rerecording();
        assertEquals("ff-baseline.json", rerecording.file());
        assertEquals("ff-baseline.json at main (commit " + main + ")", rerecording.target());
        assertEquals(List.of(Metric.TRAINING_PEAK_BYTES, Metric.EVALUATION_PEAK_BYTES, Metric.TEST_ACCURACY),
                rerecording.metrics());
        assertEquals(1, rerecording.cells().size());
        assertEquals(new BaselineRerecording.Figure(Metric.TRAINING_PEAK_BYTES, 1_000.0, 2_000.0),
                rerecording.cells().get(0).figures().get(0));
        assertEquals(List.of("WARN baselineRef is 'main', but ff-baseline.json differs from the one at main (commit " + main
                + "): the gates judge against the working tree's file, re-recorded by this pull request; this pull"
                + " request re-records the baseline: 1 cell changed: ff-a (re-recorded: trainingPeakBytes 1,000 B ->"
                + " 2,000 B (+1,000 B (+100.00 %))) (summary.md and report.html list them for review)"), log.lines());

        // committed on the pull request's branch, the same
        git("checkout", "-q", "-b", "pull-request");
        git("add", ".");
        commit("re-record the baseline");
        assertEquals(2_000, trainingPeak(load(BaselineSource.of(module.resolve("ff-baseline.json"), "main"), paths).document()));

        // a pull request's baseline that is not valid is the usual error, naming its file
        Files.writeString(module.resolve("ff-baseline.json"), "{ not json");
        HarnessException broken = assertThrows(HarnessException.class,
                () -> load(BaselineSource.of(module.resolve("ff-baseline.json"), "main"), paths));
        assertTrue(broken.getMessage().startsWith("file ff-baseline.json is not valid JSON: "), broken.getMessage());
    }

    @Test
    void aBranchBehindATargetThatReRecordedSinceIsJudgedAgainstTheTarget() throws Exception {
        Path module = module();
        Files.writeString(module.resolve("ff-baseline.json"), baseline(1_000));
        git("checkout", "-q", "-b", "pull-request");
        Files.writeString(module.resolve("pom.xml"), "<project><!-- the pull request's change --></project>");
        git("add", ".");
        commit("a change that keeps the baseline");
        String mergeBase = git("rev-parse", "HEAD~1").trim().substring(0, 7);
        git("checkout", "-q", "main");
        Files.writeString(module.resolve("ff-baseline.json"), baseline(3_000));
        git("add", ".");
        commit("main re-records its baseline");
        String main = git("rev-parse", "HEAD").trim().substring(0, 7);
        git("checkout", "-q", "pull-request");
        ProjectPaths paths = new ProjectPaths(module);
        RecordingLog log = new RecordingLog();

        Baseline baseline = load(BaselineSource.of(module.resolve("ff-baseline.json"), "main"), paths, log);

        assertEquals(3_000, trainingPeak(baseline.document()), "main's newer baseline, not the branch's stale file");
        assertNull(baseline.rerecording());
        assertEquals("ff-baseline.json at main (commit " + main + ")", baseline.source());
        assertEquals(List.of("ff-baseline.json differs from ff-baseline.json at main (commit " + main + "), but not from"
                + " the one at the merge base (commit " + mergeBase + "): main re-recorded it since, this branch did not,"
                + " so the gates judge against ff-baseline.json at main (commit " + main + ")"), log.lines());
    }

    @Test
    void aFileTheRevisionLacksAnUnknownRevisionAndABadValueAreErrorsNamingThem() throws Exception {
        Path module = module();
        ProjectPaths paths = new ProjectPaths(module);
        Path file = module.resolve("ff-baseline.json");
        String before = git("rev-parse", "before").trim().substring(0, 7);

        assertEquals("baselineRef is 'before' (commit " + before + "): app/ff-baseline.json does not exist at that revision;"
                + " allowed: a revision where the baseline file is committed (record it with mvn ff:baseline and commit it"
                + " there), or no baselineRef to use the working tree's ff-baseline.json",
                assertThrows(HarnessException.class, () -> load(BaselineSource.of(file, "before"), paths)).getMessage());

        assertEquals(List.of(Problem.found("baselineRef", "is 'origin/nope': the git repository has no such revision",
                "a branch, tag or commit id the repository has (in CI, fetch the target branch first, e.g. actions/checkout"
                + " with fetch-depth: 0, or git fetch origin main)")),
                assertThrows(HarnessException.class, () -> load(BaselineSource.of(file, "origin/nope"), paths)).typedProblems());

        assertEquals(List.of(new Problem("baselineRef", "--output=x", "a git revision such as main, origin/main, a tag or a"
                + " commit id (no spaces or ':', not starting with '-')")), BaselineSource.of(file, "--output=x").check());
        assertEquals(List.of(Problem.found("baselineRef", "is 'main' but baseline is not set", "baselineRef with the"
                + " baseline file to read at that revision")), BaselineSource.of(null, "main").check());
        assertEquals(1, BaselineSource.of(file, "main:app/x").check().size());
        assertTrue(BaselineSource.of(file, "v1.2^").check().isEmpty());

        Files.writeString(file, "{ not json");
        git("add", ".");
        commit("broken baseline");
        String head = git("rev-parse", "HEAD").trim().substring(0, 7);
        HarnessException broken = assertThrows(HarnessException.class, () -> load(BaselineSource.of(file, "HEAD"), paths));
        assertTrue(broken.getMessage().startsWith("file ff-baseline.json at HEAD (commit " + head + ") is not valid JSON: "),
                broken.getMessage());
    }

    @Test
    void noGitAndNoRepositoryAreErrorsNamingTheProblem() throws Exception {
        Path project = Files.createDirectories(repository.resolve("plain"));
        Path file = project.resolve("ff-baseline.json");
        Files.writeString(file, baseline(1_000));
        ProjectPaths paths = new ProjectPaths(project);

        HarnessException noRepository = assertThrows(HarnessException.class,
                () -> load(BaselineSource.of(file, "main"), paths));
        assertEquals(List.of(new Problem("baselineRef", "main", "baselineRef in a git working tree (in CI, check the"
                + " repository out with git), or no baselineRef to use ff-baseline.json", "but the project directory "
                + project.toAbsolutePath() + " is not in a git repository (git: fatal: not a git repository (or any of the"
                + " parent directories): .git)")), noRepository.typedProblems());

        HarnessException noGit = assertThrows(HarnessException.class,
                () -> load(BaselineSource.of(file, "main").withGit("/nonexistent/bin/git"), paths));
        assertTrue(noGit.getMessage().startsWith("baselineRef is 'main', but git cannot be run (Cannot run program"
                + " \"/nonexistent/bin/git\""), noGit.getMessage());
        assertTrue(noGit.getMessage().endsWith("); allowed: baselineRef with the git command line installed and on the PATH,"
                + " or no baselineRef to use ff-baseline.json"), noGit.getMessage());
        assertEquals("main", noGit.typedProblems().get(0).value());
        assertTrue(noGit.getCause() != null, "the git failure stays the cause");
        assertNull(BaselineSource.of(file, null).revision(), "without a revision git is never asked");
        assertEquals(1_000, trainingPeak(load(BaselineSource.of(file, null).withGit("/nonexistent/bin/git"), paths).document()));
    }

    private void commit(String message) throws Exception {
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
