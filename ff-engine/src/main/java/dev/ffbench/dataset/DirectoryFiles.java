package dev.ffbench.dataset;

import dev.ffbench.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The files of a dataset directory, and how messages list them when an expected one is missing. */
final class DirectoryFiles {
    /** Messages list at most this many names. */
    private static final int LISTED = 20;

    private DirectoryFiles() {}

    /**
     * The directory's regular files' names, sorted.
     *
     * @throws DatasetException when the directory is missing, not a directory or unreadable; {@code allowed}
     *         says what it should be ("a directory holding ...")
     */
    static List<String> list(Path dir, String allowed) {
        String thing = "dataset directory " + dir;
        if (!Files.exists(dir)) {
            throw new DatasetException(Problem.found(thing, "does not exist", allowed));
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(Problem.found(thing, "is not a directory", allowed));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(Problem.found(thing, "cannot be listed (" + e.getMessage() + ")", allowed), e);
        }
    }

    /**
     * "found 3 files: a, b, c" (the first 20 names, then how many more), or "the directory holds no files",
     * naming its sub-directories when it has some (the dataset may be one of them: idx:/data for
     * idx:/data/fashion-mnist).
     */
    static String found(Path dir, List<String> names) {
        if (names.isEmpty()) {
            List<String> directories = subdirectories(dir);
            return "the directory holds no files" + (directories.isEmpty() ? "" : ", only the directories "
                    + String.join(", ", directories.subList(0, Math.min(LISTED, directories.size())))
                    + (directories.size() > LISTED ? ", and " + (directories.size() - LISTED) + " more" : "")
                    + " (is the dataset in one of them?)");
        }
        String listed = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return "found " + names.size() + (names.size() == 1 ? " file: " : " files: ") + listed
                + (names.size() > LISTED ? ", and " + (names.size() - LISTED) + " more" : "");
    }

    private static List<String> subdirectories(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of(); // listed once already by list(); a hint, not a second error
        }
    }

    /**
     * A name made comparable for near misses: lower case, with '_', '.' and spaces as '-' ("Train_Images.IDX3" ->
     * "train-images-idx3").
     */
    static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[_. ]+", "-");
    }

    /** The size of {@code file} in bytes, for the fingerprint. */
    static DatasetFile described(Path file) {
        try {
            return new DatasetFile(file.getFileName().toString(), Files.size(file));
        } catch (IOException e) {
            throw new DatasetException(Problem.found(file + ":", "cannot read its size (" + e.getMessage() + ")",
                    "a readable file"), e);
        }
    }
}
