package dev.ffbench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ffbench.io.Git;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the baseline comes from: the baseline file in the working tree, or, with a revision
 * ({@code baselineRef}), that file as committed at the revision, read through the git command line
 * ({@code git show REV:path}, the path relative to the repository's root, run in the project
 * directory). The second judges a pull request against the baseline of the branch it targets, unless
 * the pull request re-records the baseline itself: when the working tree's file differs from the
 * revision's and the pull request changed it (it also differs from the file at the merge base of
 * {@code HEAD} and the revision, so a branch that is merely behind a re-recorded target is not taken
 * for one), the gates judge against the pull request's file and {@link BaselineRerecording} lists the
 * cells it changed, so that an intended regression is reviewed rather than blocked.
 */
public final class BaselineSource {
    /** A re-recording's log line names at most this many cells; the summary and the report list them all. */
    static final int LOGGED_CELLS = 5;

    /** The parameter every problem of a revision names. */
    private static final String REF = "baselineRef";

    private final Path file;
    private final String revision;
    private final String gitExecutable;

    private BaselineSource(Path file, String revision, String gitExecutable) {
        this.file = file == null ? null : file.toAbsolutePath().normalize();
        this.revision = revision == null || revision.isBlank() ? null : revision.trim();
        this.gitExecutable = gitExecutable;
    }

    /**
     * The baseline {@code file}, read from the working tree when {@code revision} is blank, else as
     * committed at {@code revision} (a branch, tag or commit id).
     */
    public static BaselineSource of(Path file, String revision) {
        return new BaselineSource(file, revision, Git.DEFAULT_EXECUTABLE);
    }

    /** The same source, read with another git executable (tests use a missing one). */
    BaselineSource withGit(String executable) {
        return new BaselineSource(file, revision, executable);
    }

    /** The baseline file (absolute), or null when none is configured. */
    public Path file() {
        return file;
    }

    /** The revision, or null when the working tree's file is read. */
    public String revision() {
        return revision;
    }

    /**
     * What is wrong with the parameters themselves, each naming the parameter, the value and what is
     * allowed; checked with every other parameter before anything runs.
     */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (revision != null) {
            if (revision.startsWith("-") || revision.chars().anyMatch(c -> Character.isWhitespace(c) || c == ':' || c < 32)) {
                problems.add(new Problem(REF, revision, "a git revision such as main, origin/main, a tag or"
                        + " a commit id (no spaces or ':', not starting with '-')"));
            }
            if (file == null) {
                problems.add(Problem.found(REF, "is '" + revision + "' but baseline is not set", "baselineRef with the"
                        + " baseline file to read at that revision"));
            }
        }
        return problems;
    }

    /**
     * Reads the baseline, checked as {@link ResultsFiles} checks every baseline. From the working
     * tree a missing file is no baseline (the gates decide what that means); at a revision, git
     * missing, a directory outside any repository, an unknown revision or a file the revision does
     * not have are each an error naming the problem. At a revision, a working tree's file that the
     * pull request re-records is the baseline instead (see the class), checked the same way; the log
     * says which file is judged against, and why.
     *
     * @param paths how paths are shown in messages
     * @param tolerance what the baseline gates judge, which a re-recording lists per cell
     */
    public Baseline load(ProjectPaths paths, BaselineTolerance tolerance, HarnessLog log) {
        if (file == null) {
            return new Baseline(null, "(no baseline file configured)");
        }
        String shown = paths.show(file);
        if (revision == null) {
            return Files.exists(file)
                    ? new Baseline(ResultsFiles.read(file, shown, ResultsDocument.BASELINE), shown)
                    : new Baseline(null, shown);
        }
        List<Problem> problems = check();
        if (!problems.isEmpty()) {
            throw HarnessException.of(problems);
        }
        Path project = paths.directory() == null ? file.getParent() : paths.directory();
        Git git = new Git(gitExecutable, project);
        try {
            Git.Result top = git.run("rev-parse", "--show-toplevel");
            if (!top.ok()) {
                throw new HarnessException(new Problem(REF, revision, "baselineRef in a git working tree"
                        + " (in CI, check the repository out with git), or no baselineRef to use " + shown, "but the project"
                        + " directory " + project + " is not in a git repository (git: " + top.firstErrorLine() + ")"));
            }
            Path root = realPath(Path.of(top.text()));
            Path real = realPath(file);
            if (!real.startsWith(root)) {
                throw new HarnessException(new Problem(REF, revision, "a baseline file inside the repository",
                        "but the baseline file " + shown + " is outside the git repository " + root));
            }
            String path = root.relativize(real).toString().replace('\\', '/');
            Git.Result commit = git.run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
            if (!commit.ok() || commit.text().isEmpty()) {
                throw new HarnessException(Problem.found(REF, "is '" + revision + "': the git repository has no such"
                        + " revision", "a branch, tag or commit id the repository has (in CI, fetch the target branch"
                        + " first, e.g. actions/checkout with fetch-depth: 0, or git fetch origin main)"));
            }
            String id = commit.text();
            String source = shown + " at " + revision + " (commit " + brief(id) + ")";
            String text = blob(git, id, path);
            if (text == null) {
                throw new HarnessException(Problem.found(REF, "is '" + revision + "' (commit " + brief(id) + "): "
                        + path + " does not exist at that revision", "a revision where the baseline file is committed"
                        + " (record it with mvn ff:baseline and commit it there), or no baselineRef to use the working"
                        + " tree's " + shown));
            }
            ResultsDocument atRevision = ResultsFiles.parse(text, source, ResultsDocument.BASELINE);
            if (!Files.exists(file)) {
                return new Baseline(atRevision, source);
            }
            // the pull request's own file: not valid is the usual error, whichever file is judged against
            ResultsDocument own = ResultsFiles.read(file, shown, ResultsDocument.BASELINE);
            JsonNode ownTree = tree(Files.readString(file));
            if (ownTree.equals(tree(text))) {
                return new Baseline(atRevision, source);
            }
            Git.Result base = git.run("merge-base", "HEAD", id);
            String mergeBase = base.ok() && !base.text().isEmpty() ? base.text() : null;
            if (mergeBase != null && !mergeBase.equals(id)) {
                String atBase = blob(git, mergeBase, path);
                if (atBase != null && ownTree.equals(tree(atBase))) {
                    log.info(shown + " differs from " + source + ", but not from the one at the merge base (commit "
                            + brief(mergeBase) + "): " + revision + " re-recorded it since, this branch did not, so the"
                            + " gates judge against " + source);
                    return new Baseline(atRevision, source);
                }
            }
            BaselineRerecording rerecording = BaselineRerecording.of(tolerance, atRevision, source, own, shown);
            log.warn(prefix() + ", but " + shown + " differs from the one at " + revision + " (commit " + brief(id) + ")"
                    + (mergeBase == null ? " (git finds no merge base with HEAD, so any difference counts)" : "")
                    + ": the gates judge against the working tree's file, re-recorded by this pull request; "
                    + rerecording.logText(LOGGED_CELLS) + " (summary.md and report.html list them for review)");
            return new Baseline(own, shown + " as re-recorded by this pull request (it differs from the one at "
                    + revision + ", commit " + brief(id) + ")", rerecording);
        } catch (Git.Unavailable e) {
            HarnessException noGit = new HarnessException(new Problem(REF, revision, "baselineRef with the git command"
                    + " line installed and on the PATH, or no baselineRef to use " + shown,
                    "but git cannot be run (" + e.getMessage() + ")"));
            noGit.initCause(e);
            throw noGit;
        } catch (IOException e) {
            throw new HarnessException("baseline " + shown + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file at {@code path} as committed at {@code commit} (UTF-8), or null when that commit does not have it. */
    private String blob(Git git, String commit, String path) throws Git.Unavailable {
        Git.Result type = git.run("cat-file", "-t", commit + ":" + path);
        if (!type.ok() || !type.text().equals("blob")) {
            return null;
        }
        Git.Result show = git.run("show", commit + ":" + path);
        if (!show.ok()) {
            throw new HarnessException(Problem.found(REF, "is '" + revision + "': git show " + commit + ":" + path
                    + " failed (" + show.firstErrorLine() + ")", "a baseline file git can read at that revision"));
        }
        return new String(show.out(), StandardCharsets.UTF_8);
    }

    /**
     * The JSON of a baseline, to compare two files by content: line endings, indentation and key
     * spacing (a checkout with autocrlf, an editor) do not make a re-recording. Text that is no JSON
     * compares unequal to every file.
     */
    private static JsonNode tree(String json) {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(json);
        }
    }

    private static String brief(String commit) {
        return commit.substring(0, Math.min(7, commit.length()));
    }

    private String prefix() {
        return "baselineRef is '" + revision + "'";
    }

    /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended (the file may not exist). */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
