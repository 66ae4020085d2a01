package dev.ffbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesTheFileWholeAndLeavesNothingBeside(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out/results.json");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second");
        assertEquals("second", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteNamesTheFileItWasWritingAndWhy(@TempDir Path dir) throws Exception {
        // where its directory should be, a regular file: not even the temporary file can be created
        Path notes = Files.writeString(dir.resolve("notes"), "mine");
        Path underAFile = notes.resolve("results.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(underAFile, "{}"));
        assertEquals(underAFile + ": cannot be written (" + notes + ": exists and is not a directory)", e.getMessage());
        assertEquals("mine", Files.readString(notes));

        // the target a directory with files in it: the temporary file is written, the rename fails
        Path occupied = Files.createDirectories(dir.resolve("out/summary.md"));
        Files.writeString(occupied.resolve("keep.txt"), "x");
        IOException rename = assertThrows(IOException.class, () -> AtomicFiles.write(occupied, "# summary"));
        assertTrue(rename.getMessage().startsWith(occupied + ": cannot be written (renaming its temporary file to it: "),
                rename.getMessage());
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(List.of(occupied), files.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void theFileGetsTheSamePermissionsAsAnyNewFile(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.write(atomic, "x");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
    }
}
