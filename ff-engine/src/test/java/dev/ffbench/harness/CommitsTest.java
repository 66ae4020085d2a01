package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineSource;
import dev.ffbench.gate.ComparisonFixture;
import dev.ffbench.io.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: the head and baseline commits the summary's first line names, with a real git in a throwaway repository. */
class CommitsTest {
    @TempDir
    Path repository;

    private static final Baseline READ = new Baseline(ComparisonFixture.baseline(), "ff-baseline.json");

    @Test
    void theHeadAndTheBaselineFileEachHaveTheirCommitAndAChangeIsMarkedUncommitted() throws Exception {
        Path file = repository.resolve("ff-baseline.json");
        git("init", "-q");
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        git("add", ".");
        commit("no baseline yet");
        String first = git("rev-parse", "--short=7", "HEAD");
        Files.writeString(file, "{}");
        assertEquals(new Commits(first, "uncommitted"), Commits.of(repository, BaselineSource.of(file, null), READ),
                "a baseline file no commit has");

        git("add", ".");
        commit("the baseline");
        String second = git("rev-parse", "--short=7", "HEAD");
        Files.writeString(repository.resolve("pom.xml"), "<project></project>");
        assertEquals(new Commits(second + "+uncommitted", second), Commits.of(repository, BaselineSource.of(file, " "), READ),
                "a changed tracked file marks the head; the baseline file is as committed");

        Files.writeString(file, "{ }");
        assertEquals(new Commits(second + "+uncommitted", second + "+uncommitted"),
                Commits.of(repository, BaselineSource.of(file, null), READ));
        assertEquals(new Commits(second + "+uncommitted", first), Commits.of(repository, BaselineSource.of(file, "HEAD~1"),
                READ), "with baselineRef: the revision's commit");
    }

    @Test
    void withoutARepositoryThereIsNoCommitAndWithoutABaselineNoBaselineCommit() {
        Path file = repository.resolve("ff-baseline.json");
        assertEquals(new Commits("no commit", "no commit"), Commits.of(repository, BaselineSource.of(file, null), READ));
        assertNull(Commits.of(repository, BaselineSource.of(file, null), new Baseline(null, "ff-baseline.json")).baseline());
        assertEquals(new Commits("no commit", "no commit"), Commits.of(new Git("/nonexistent/git", repository),
                BaselineSource.of(file, null), READ), "git missing");
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
        return out.trim();
    }
}
