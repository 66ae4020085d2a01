package dev.ffbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java's file exceptions, raised by real file operations, in words. */
class FileProblemsTest {
    @TempDir
    Path dir;

    @Test
    void anExceptionThatCarriesOnlyThePathGetsItsReason() throws IOException {
        Path file = Files.writeString(dir.resolve("out.txt"), "notes");

        IOException exists = assertThrows(IOException.class, () -> Files.createDirectories(file));
        assertEquals(file + ": already exists and is a regular file, not a directory", FileProblems.describe(exists));

        IOException missing = assertThrows(IOException.class, () -> Files.readString(dir.resolve("missing.json")));
        assertEquals(dir.resolve("missing.json") + ": does not exist", FileProblems.describe(missing));

        IOException notDirectory = assertThrows(IOException.class, () -> Files.newDirectoryStream(file).close());
        assertEquals(file + ": is not a directory", FileProblems.describe(notDirectory));
    }

    @Test
    void aReasonGivenByTheOperatingSystemIsKept() {
        IOException underAFile = assertThrows(IOException.class,
                () -> Files.writeString(Files.writeString(dir.resolve("a"), "x").resolve("b.json"), "{}"));
        assertEquals(dir.resolve("a/b.json") + ": Not a directory", FileProblems.describe(underAFile));
        assertEquals("plain", FileProblems.describe(new IOException("plain")));
    }
}
