package dev.ffbench.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A class loader that sees registrations as a user's jar would bring them: {@code META-INF/services}
 * files written into {@code directory}, the classes themselves from the test class path (the parent).
 */
public final class SampleExtensions {
    private SampleExtensions() {}

    /** @param services service interface to the class names registered for it */
    public static URLClassLoader loader(Path directory, Map<Class<?>, List<String>> services) {
        try {
            Path dir = Files.createDirectories(directory.resolve("META-INF/services"));
            for (Map.Entry<Class<?>, List<String>> entry : services.entrySet()) {
                Files.write(dir.resolve(entry.getKey().getName()), entry.getValue());
            }
            return new URLClassLoader(new URL[] {directory.toUri().toURL()}, SampleExtensions.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
