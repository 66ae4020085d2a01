package dev.ffbench.cli;

import dev.ffbench.dataset.DatasetException;
import dev.ffbench.experiment.EscapedAllocationException;
import dev.ffbench.experiment.ExtensionException;
import dev.ffbench.experiment.InvalidSpecException;
import dev.ffbench.experiment.ModelFailedException;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a run failed, handed by the engine's command line to the harness that forked it ({@code run --failure
 * FILE}): the kind, taken from the exception that ended the run, that exception's message and its stack. The
 * harness reads this file first, so a log line that merely mentions an error (say {@code OutOfMemoryError})
 * never decides what a failure is.
 *
 * @param kind what ended the run
 * @param message the ending exception's message (its class and message when it has none)
 * @param stack the ending exception's whole stack trace with its causes, as {@link Throwable#printStackTrace()}
 *     prints it; null in a file written before the stack was part of it
 */
public record RunFailure(Kind kind, String message, String stack) {

    /** What ended a run. */
    public enum Kind {
        /** The input cannot run: a bad spec, dataset or extension. */
        REJECTED,
        /** Training diverged: a loss or the parameters blew up. */
        DIVERGED,
        /** The model created an ND4J array outside the memory ledger. */
        ESCAPED_ALLOCATION,
        /** The algorithm's own code threw, or its model broke the engine's contract. */
        MODEL_FAILED,
        /** An OutOfMemoryError (of the heap or of JavaCPP's native memory) ended the run. */
        OUT_OF_MEMORY,
        /** Anything else. */
        OTHER;

        /** The command line's exit code: 2 for input that cannot run, else 1. */
        public int exitCode() {
            return this == REJECTED ? 2 : 1;
        }
    }

    public RunFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A failure without its stack (as a file written before the stack was part of it reads). */
    public RunFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    /**
     * The failure {@code ended} stands for: out of memory when it or one of its causes is an
     * {@link OutOfMemoryError} (JavaCPP's native refusals may come wrapped), else by its own type.
     */
    public static RunFailure of(Throwable ended) {
        String message = ended.getMessage() != null ? ended.getMessage() : ended.toString();
        String stack = StackTraces.whole(ended);
        for (Throwable t = ended; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new RunFailure(Kind.OUT_OF_MEMORY, message, stack);
            }
        }
        Kind kind;
        if (ended instanceof InvalidSpecException || ended instanceof DatasetException || ended instanceof ExtensionException) {
            kind = Kind.REJECTED;
        } else if (ended instanceof TrainingDivergedException) {
            kind = Kind.DIVERGED;
        } else if (ended instanceof EscapedAllocationException) {
            kind = Kind.ESCAPED_ALLOCATION;
        } else if (ended instanceof ModelFailedException) {
            kind = Kind.MODEL_FAILED;
        } else {
            kind = Kind.OTHER;
        }
        return new RunFailure(kind, message, stack);
    }

    /** Writes this failure to {@code file} (atomically: the harness never reads half of it). */
    void write(Path file) throws IOException {
        AtomicFiles.write(file, Json.write(this));
    }

    /**
     * The failure a fork wrote to {@code file}; empty when there is none or it cannot be read (the fork died
     * before writing it, or wrote no kind this harness knows), so that the harness falls back on the fork's exit
     * code and log. A file without the stack (written by an older engine) is read with a null stack.
     */
    public static Optional<RunFailure> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), RunFailure.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
