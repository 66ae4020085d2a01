package dev.ffbench.harness;

import dev.ffbench.experiment.ExtensionException;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.HarnessException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The extensions a project brings, seen from the harness's JVM before any cell runs: its class path
 * is opened in a class loader whose parent is the engine's, so the user's algorithms, goodness
 * functions and dataset sources are discovered beside the built-ins, with the same engine API
 * classes the forks will use. Close it when the run ends.
 */
public final class ProjectExtensions implements AutoCloseable {
    private final URLClassLoader loader;
    private final Extensions extensions;

    private ProjectExtensions(URLClassLoader loader, Extensions extensions) {
        this.loader = loader;
        this.extensions = extensions;
    }

    /**
     * Discovers everything registered on {@code projectClasspath} and the engine's own class path.
     *
     * @throws HarnessException naming both providers of a name, or a provider that cannot be created
     */
    public static ProjectExtensions open(List<Path> projectClasspath) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : projectClasspath) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new HarnessException("class path entry " + entry + " is not a valid path: " + e.getMessage());
            }
        }
        URLClassLoader loader = new URLClassLoader("ff-bench-project", urls.toArray(URL[]::new),
                ProjectExtensions.class.getClassLoader());
        try {
            return new ProjectExtensions(loader, Extensions.discover(loader));
        } catch (ExtensionException e) {
            close(loader);
            throw new HarnessException(e.problems());
        }
    }

    public Extensions extensions() {
        return extensions;
    }

    @Override
    public void close() {
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
