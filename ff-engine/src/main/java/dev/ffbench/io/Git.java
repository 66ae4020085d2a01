package dev.ffbench.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The git command line, run in one directory: how the harness reads a baseline at a revision and
 * the commit a run measured. Only read-only commands are run.
 */
public final class Git {
    /** A git command that does not answer in this time is killed. */
    private static final long TIMEOUT_SECONDS = 60;

    /** The executable used unless a test names another. */
    public static final String DEFAULT_EXECUTABLE = "git";

    private final String executable;
    private final Path directory;

    /** Runs {@code executable} (normally {@link #DEFAULT_EXECUTABLE}) in {@code directory}. */
    public Git(String executable, Path directory) {
        this.executable = executable;
        this.directory = directory;
    }

    /** What a finished git command produced. */
    public record Result(int exitCode, byte[] out, String err) {
        /** True when git exited with 0. */
        public boolean ok() {
            return exitCode == 0;
        }

        /** Stdout as trimmed UTF-8 text. */
        public String text() {
            return new String(out, StandardCharsets.UTF_8).trim();
        }

        /** The first line of stderr, for messages: "fatal: not a git repository (or any ...)". */
        public String firstErrorLine() {
            String trimmed = err.trim();
            int newline = trimmed.indexOf('\n');
            return newline < 0 ? trimmed : trimmed.substring(0, newline).trim();
        }
    }

    /** git cannot be started at all (not installed, not on the PATH, not executable). */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs {@code git args...} in the directory, with no terminal prompts and no pager. */
    public Result run(String... args) throws Unavailable {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_PAGER", "cat");
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Unavailable(String.valueOf(e.getMessage()), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new HarnessException("git " + String.join(" ", args) + " did not finish within " + TIMEOUT_SECONDS
                        + " s in " + directory + "; it was killed");
            }
            return new Result(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while running git " + String.join(" ", args), e);
        } catch (IOException | ExecutionException e) {
            process.destroyForcibly();
            throw new HarnessException("cannot read the output of git " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }

    /** The commit checked out in the directory, or empty when git, a repository or a commit is missing. */
    public Optional<String> headCommit() {
        try {
            Result head = run("rev-parse", "--verify", "--quiet", "HEAD^{commit}");
            return head.ok() && !head.text().isEmpty() ? Optional.of(head.text()) : Optional.empty();
        } catch (Unavailable e) {
            return Optional.empty();
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (InputStream in = stream; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            in.transferTo(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
