package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.Metric;
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
        return dev.ffbench.experiment.Json.write(new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE,
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

    @Test
    void theBaselineIsReadAsCommittedAtTheRevisionNotFromTheWorkingTree() throws Exception {
        Path module = module();
        String head = git("rev-parse", "HEAD").trim();
        ProjectPaths paths = new ProjectPaths(module);

        Baseline atMain = BaselineSource.of(module.resolve("ff-baseline.json"), "main").load(paths);
        assertEquals(1_000, trainingPeak(atMain.document()), "the committed baseline, not the working tree's 2,000 B");
        assertEquals("ff-baseline.json at main (commit " + head.substring(0, 7) + ")", atMain.source());

        Baseline workingTree = BaselineSource.of(module.resolve("ff-baseline.json"), " ").load(paths);
        assertEquals(2_000, trainingPeak(workingTree.document()));
        assertEquals("ff-baseline.json", workingTree.source());

        Baseline none = BaselineSource.of(module.resolve("other.json"), null).load(paths);
        assertFalse(none.present());
        assertEquals("other.json", none.source());
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
                assertThrows(HarnessException.class, () -> BaselineSource.of(file, "before").load(paths)).getMessage());

        assertEquals("baselineRef is 'origin/nope': the git repository has no such revision; allowed: a branch, tag or"
                + " commit id the repository has (in CI, fetch the target branch first, e.g. actions/checkout with"
                + " fetch-depth: 0, or git fetch origin main)",
                assertThrows(HarnessException.class, () -> BaselineSource.of(file, "origin/nope").load(paths)).getMessage());

        assertEquals(List.of("baselineRef is '--output=x'; allowed: a git revision such as main, origin/main, a tag or a"
                + " commit id (no spaces or ':', not starting with '-')"), BaselineSource.of(file, "--output=x").problems());
        assertEquals(1, BaselineSource.of(file, "main:app/x").problems().size());
        assertTrue(BaselineSource.of(file, "v1.2^").problems().isEmpty());

        Files.writeString(file, "{ not json");
        git("add", ".");
        commit("broken baseline");
        String head = git("rev-parse", "HEAD").trim().substring(0, 7);
        HarnessException broken = assertThrows(HarnessException.class, () -> BaselineSource.of(file, "HEAD").load(paths));
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
                () -> BaselineSource.of(file, "main").load(paths));
        assertEquals("baselineRef is 'main', but the project directory " + project.toAbsolutePath() + " is not in a git"
                + " repository (git: fatal: not a git repository (or any of the parent directories): .git); allowed:"
                + " baselineRef in a git working tree (in CI, check the repository out with git), or no baselineRef to use"
                + " ff-baseline.json", noRepository.getMessage());

        HarnessException noGit = assertThrows(HarnessException.class,
                () -> BaselineSource.of(file, "main").withGit("/nonexistent/bin/git").load(paths));
        assertTrue(noGit.getMessage().startsWith("baselineRef is 'main', but git cannot be run (Cannot run program"
                + " \"/nonexistent/bin/git\""), noGit.getMessage());
        assertTrue(noGit.getMessage().endsWith("); allowed: baselineRef with the git command line installed and on the PATH,"
                + " or no baselineRef to use ff-baseline.json"), noGit.getMessage());
        assertNull(BaselineSource.of(file, null).revision(), "without a revision git is never asked");
        assertEquals(1_000, trainingPeak(BaselineSource.of(file, null).withGit("/nonexistent/bin/git").load(paths).document()));
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
