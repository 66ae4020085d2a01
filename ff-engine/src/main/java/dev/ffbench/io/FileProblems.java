package dev.ffbench.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says what went wrong with a file in words: Java's file exceptions often carry only the path
 * ({@code FileAlreadyExistsException: out.txt}), which as a message gives no reason.
 */
public final class FileProblems {
    private FileProblems() {}

    /** "/x/out.txt: already exists and is a regular file, not a directory", "/x/a.json: does not exist", ... */
    public static String describe(IOException e) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String file = fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile());
        String reason = fs.getReason();
        if (reason == null || reason.isBlank()) {
            reason = reasonOf(fs);
        }
        return file + ": " + reason;
    }

    private static String reasonOf(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            Path path = Path.of(e.getFile());
            return Files.isRegularFile(path) ? "already exists and is a regular file, not a directory"
                    : Files.isDirectory(path) ? "already exists as a directory" : "already exists";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "is not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a directory that is not empty";
        }
        return e.getClass().getSimpleName();
    }
}
