package dev.ffbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What code a cell's JVM runs: a SHA-256 over its class path, so that {@code -Dff.resume} keeps no cell
 * measured with other code (a project's algorithm changed since, or another engine). A class
 * directory (the project's {@code target/classes}, where its algorithms live and change) counts by the
 * content of every file in it; a jar by its path, size and modification time (a new version has another
 * path, a rebuilt snapshot another time), so that ND4J's native jars need not be read.
 */
public final class CodeFingerprint {
    private CodeFingerprint() {}

    /** "sha256:…" of {@code classpath}, in its order. */
    public static String of(List<Path> classpath) {
        MessageDigest digest = sha256();
        for (Path entry : classpath) {
            update(digest, "entry " + entry.toAbsolutePath().normalize());
            try {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            update(digest, "file " + entry.relativize(file));
                            digest.update(Files.readAllBytes(file));
                        }
                    }
                } else if (Files.isRegularFile(entry)) {
                    update(digest, "jar " + Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("class path entry " + entry + " cannot be read: " + e.getMessage(), e);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
