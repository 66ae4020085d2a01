package dev.ffbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.DatasetException;
import dev.ffbench.experiment.ModelFailedException;
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
        assertEquals(new RunFailure(RunFailure.Kind.REJECTED, "bad file"), RunFailure.of(new DatasetException("bad file")));
        assertEquals(new RunFailure(RunFailure.Kind.DIVERGED, "training diverged: loss is NaN"),
                RunFailure.of(new TrainingDivergedException("training diverged: loss is NaN")));
        assertEquals(new RunFailure(RunFailure.Kind.OUT_OF_MEMORY, "Java heap space"),
                RunFailure.of(new OutOfMemoryError("Java heap space")));
        // JavaCPP's refusal wrapped by ND4J, then by the engine around the algorithm's code
        ModelFailedException wrapped = new ModelFailedException("own", "built in",
                new RuntimeException("allocation failed", new OutOfMemoryError("Cannot allocate new FloatPointer")));
        assertEquals(RunFailure.Kind.OUT_OF_MEMORY, RunFailure.of(wrapped).kind());
        // a message that merely mentions it is not one
        assertEquals(new RunFailure(RunFailure.Kind.MODEL_FAILED, "model said: java.lang.OutOfMemoryError earlier"),
                RunFailure.of(new ModelFailedException("model said: java.lang.OutOfMemoryError earlier")));
        assertEquals(new RunFailure(RunFailure.Kind.OTHER, "java.lang.NullPointerException"),
                RunFailure.of(new NullPointerException()));
    }

    @Test
    void aMissingOrUnreadableFileIsNoFailure(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("none.json")));
        Files.writeString(dir.resolve("half.json"), "{\"kind\": \"REJ");
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("half.json")));
        Files.writeString(dir.resolve("unknown.json"), "{\"kind\": \"EXPLODED\", \"message\": \"x\"}");
        assertEquals(Optional.empty(), RunFailure.read(dir.resolve("unknown.json")));
    }
}
