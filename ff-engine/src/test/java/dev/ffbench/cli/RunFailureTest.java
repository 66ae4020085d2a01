package dev.ffbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.dataset.DatasetException;
import dev.ffbench.experiment.ModelFailedException;
import dev.ffbench.io.Problem;
import dev.ffbench.experiment.TrainingDivergedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ended a run, by the exception's type and causes, never by its wording. */
class RunFailureTest {

    @Test
    void theKindComesFromTheEndingExceptionAndItsCauses() {
        assertEquals(new RunFailure(RunFailure.Kind.REJECTED, "train.csv: bad file; allowed: a CSV file"),
                withoutStack(new DatasetException(Problem.found("train.csv:", "bad file", "a CSV file"))));
        assertEquals(new RunFailure(RunFailure.Kind.DIVERGED, "training diverged: loss is NaN"),
                withoutStack(new TrainingDivergedException("training diverged: loss is NaN")));
        assertEquals(new RunFailure(RunFailure.Kind.OUT_OF_MEMORY, "Java heap space"),
                withoutStack(new OutOfMemoryError("Java heap space")));
        // JavaCPP's refusal wrapped by ND4J, then by the engine around the algorithm's code
        ModelFailedException wrapped = new ModelFailedException("own", "built in",
                new RuntimeException("allocation failed", new OutOfMemoryError("Cannot allocate new FloatPointer")));
        assertEquals(RunFailure.Kind.OUT_OF_MEMORY, RunFailure.of(wrapped).kind());
        // a message that merely mentions it is not one
        assertEquals(new RunFailure(RunFailure.Kind.MODEL_FAILED, "model said: java.lang.OutOfMemoryError earlier"),
                withoutStack(new ModelFailedException("model said: java.lang.OutOfMemoryError earlier", null)));
        assertEquals(new RunFailure(RunFailure.Kind.OTHER, "java.lang.NullPointerException"),
                withoutStack(new NullPointerException()));
    }

    @Test
    void theStackIsTheEndingExceptionsWholeTraceWithItsCauses() {
        ModelFailedException ended = new ModelFailedException("own", "built in", new IllegalStateException("inner"));
        String stack = RunFailure.of(ended).stack();
        assertTrue(stack.startsWith("dev.ffbench.experiment.ModelFailedException: algorithm own (built in) failed:"
                + " java.lang.IllegalStateException: inner" + System.lineSeparator()
                + "\tat dev.ffbench.cli.RunFailureTest.theStackIsTheEndingExceptionsWholeTraceWithItsCauses("), stack);
        assertTrue(stack.contains("Caused by: java.lang.IllegalStateException: inner"), stack);
    }

    @Test
    void aFailureIsReadBackAsWrittenWithItsStack(@TempDir Path dir) throws Exception {
        RunFailure failure = RunFailure.of(new TrainingDivergedException("training diverged: loss is NaN"));
        failure.write(dir.resolve("failure.json"));
        assertEquals(Optional.of(failure), RunFailure.read(dir.resolve("failure.json")));
    }

    @Test
    void aFileWithoutTheStackIsReadWithNone(@TempDir Path dir) throws Exception {
        // as an engine wrote it before the stack was part of the protocol
        Files.writeString(dir.resolve("old.json"), "{\"kind\": \"MODEL_FAILED\", \"message\": \"it threw\"}");
        assertEquals(Optional.of(new RunFailure(RunFailure.Kind.MODEL_FAILED, "it threw", null)),
                RunFailure.read(dir.resolve("old.json")));
    }

    private static RunFailure withoutStack(Throwable ended) {
        RunFailure failure = RunFailure.of(ended);
        return new RunFailure(failure.kind(), failure.message());
    }

    @Test
    void aMissingOrUnreadableFileIsNoFailure(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("none.json")));
        Files.writeString(dir.resolve("half.json"), "{\"kind\": \"REJ");
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("half.json")));
        Files.writeString(dir.resolve("unknown.json"), "{\"kind\": \"EXPLODED\", \"message\": \"x\"}");
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("unknown.json")));
        Files.writeString(dir.resolve("nokind.json"), "{\"message\": \"x\", \"stack\": \"at y\"}");
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("nokind.json")));
    }
}
