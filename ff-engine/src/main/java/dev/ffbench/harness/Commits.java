package dev.ffbench.harness;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineSource;
import dev.ffbench.io.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The commit a run measured and the commit of the baseline it was judged against, as the summary's
 * first line names them: a short hash, with "+uncommitted" when the working tree (for the head: its
 * tracked files; for a baseline file: that file) differs from it, "uncommitted" for a baseline file
 * no commit has, "no commit" without git or a repository.
 *
 * @param head the commit checked out in the project directory
 * @param baseline the baseline's commit: the revision's with baselineRef, else the last commit of the
 *     baseline file; null when no baseline was read
 */
record Commits(String head, String baseline) {
    static final String NO_COMMIT = "no commit";
    static final String UNCOMMITTED = "uncommitted";

    /** The commits seen from {@code projectDirectory} (may be null: the current directory). */
    static Commits of(Path projectDirectory, BaselineSource source, Baseline baseline) {
        Path directory = (projectDirectory == null ? Path.of("") : projectDirectory).toAbsolutePath();
        return of(new Git(Git.DEFAULT_EXECUTABLE, directory), source, baseline);
    }

    /** The commits as {@code git} sees them. */
    static Commits of(Git git, BaselineSource source, Baseline baseline) {
        try {
            Git.Result head = git.run("rev-parse", "--verify", "--quiet", "HEAD^{commit}");
            String headText = !head.ok() || head.text().isEmpty() ? NO_COMMIT
                    : changed(git.run("status", "--porcelain", "--untracked-files=no"), shortHash(head.text()));
            return new Commits(headText, baseline.present() ? baseline(git, source) : null);
        } catch (Git.Unavailable e) {
            // git is optional here: the commits are shown, never judged
            return new Commits(NO_COMMIT, baseline.present() ? NO_COMMIT : null);
        }
    }

    private static String baseline(Git git, BaselineSource source) throws Git.Unavailable {
        if (source.revision() != null) {
            Git.Result commit = git.run("rev-parse", "--verify", "--quiet", source.revision() + "^{commit}");
            return commit.ok() && !commit.text().isEmpty() ? shortHash(commit.text()) : NO_COMMIT;
        }
        String file = real(source.file()).toString();
        Git.Result last = git.run("log", "-1", "--format=%H", "--", file);
        if (!last.ok()) {
            return NO_COMMIT; // not a repository
        }
        return last.text().isEmpty() ? UNCOMMITTED : changed(git.run("status", "--porcelain", "--", file), shortHash(last.text()));
    }

    /** {@code hash}, marked "+uncommitted" when {@code status} lists a change. */
    private static String changed(Git.Result status, String hash) {
        return status.ok() && !status.text().isEmpty() ? hash + "+" + UNCOMMITTED : hash;
    }

    private static String shortHash(String hash) {
        return hash.substring(0, Math.min(7, hash.length()));
    }

    /** The real path, so that git matches it against its work tree through symbolic links. */
    private static Path real(Path file) {
        try {
            return Files.exists(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return file;
        }
    }
}
