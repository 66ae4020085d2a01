package dev.ffbench.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file whole or not at all: a temporary file beside it, then an atomic rename. The
 * temporary file is created like any other file (not with Files.createTempFile, whose owner-only
 * permissions would carry over to the report and results that CI servers publish).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes {@code content} (UTF-8) to {@code target}, replacing it whole.
     *
     * @throws FileSystemException naming {@code target} and why it could not be written: a full disk
     *     reports only "No space left on device", and a failure on the temporary file would otherwise
     *     name a file nobody asked for
     */
    public static void write(Path target, String content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(directory);
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            FileSystemException named = new FileSystemException(absolute.toString(), null,
                    "cannot be written (" + reason(e, absolute, temporary) + ")");
            named.initCause(e);
            throw named;
        }
    }

    /** Why the write failed, in words, naming the file the operating system refused when it is not the target. */
    private static String reason(IOException e, Path target, Path temporary) {
        if (!(e instanceof FileSystemException fs) || fs.getFile() == null) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String file = fs.getFile();
        String which = file.equals(target.toString()) ? "it" : file.equals(temporary.toString())
                ? "its temporary file " + file : file;
        if (target.toString().equals(fs.getOtherFile())) {
            which = "renaming its temporary file to it";
        }
        String why = fs.getReason() != null && !fs.getReason().isBlank() ? fs.getReason()
                : e instanceof FileAlreadyExistsException
                        ? Files.isDirectory(Path.of(file)) ? "already exists" : "exists and is not a directory"
                : e instanceof NoSuchFileException ? "does not exist"
                : e instanceof NotDirectoryException ? "is not a directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof DirectoryNotEmptyException ? "is a directory that is not empty"
                : e.getClass().getSimpleName();
        return which + ": " + why;
    }
}
