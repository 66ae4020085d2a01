package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.cli.ExtensionListing;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.sample.HandedDataSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ff:list reads the extensions in a JVM started as the cells are: a project's registration on the forks'
 * class path shows, named by where it comes from, beside the built-ins with their options; a registration
 * the cells could not load fails the listing with the engine's own message.
 */
class ExtensionListerTest {
    /** Where the engine's test classes (holding the sample dataset source) are: the "project's test classes" here. */
    private static final Path TEST_CLASSES = location(HandedDataSource.class);

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's class path (this JVM's), and a project directory registering {@code provider} as a dataset source. */
    private static ForkOptions fork(Path project, String provider) throws Exception {
        Path services = project.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.ffbench.dataset.DatasetSource"), provider + "\n");
        List<Path> engine = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        return new ForkOptions(ForkOptions.currentJava(), engine, List.of("-Xmx256m"), Duration.ofMinutes(5), 1, project,
                List.of(project));
    }

    @Test
    void listsTheProjectsOwnDatasetSourceBesideTheBuiltInsWithTheirOptionsAndOrigins(@TempDir Path project) throws Exception {
        RecordingLog log = new RecordingLog();
        ClasspathOrigins origins = new ClasspathOrigins(project.resolve("target/classes"), TEST_CLASSES, List.of(),
                new ProjectPaths(TEST_CLASSES.getParent().getParent()));

        ExtensionListing listing = ExtensionLister.list(fork(project, HandedDataSource.class.getName()), origins, log);

        assertEquals("algorithms:", log.lines().get(0));
        assertTrue(log.lines().contains("  ff-base (built in): Hinton's supervised Forward-Forward: label in the input, a"
                + " local goodness loss per layer"), log.lines().toString());
        assertTrue(log.lines().contains("    schedule = layerwise; allowed: layerwise, simultaneous. train layer 1 for all"
                + " epochs, then layer 2 on streamed outputs of the frozen layer 1, ...; or every layer on every batch"),
                log.lines().toString());
        assertTrue(log.lines().contains("  symba (built in)"), log.lines().toString());
        assertTrue(log.lines().contains("  handed:CASE (the project's test classes (target/test-classes))"), log.lines().toString());
        assertEquals("  any other value: a directory of IDX files (built in)", log.lines().get(log.lines().size() - 1));
        assertEquals(HandedDataSource.class.getName(), listing.datasetSources().get(listing.datasetSources().size() - 1).className());
    }

    @Test
    void aRegistrationTheCellsCannotLoadFailsTheListingWithTheEnginesMessage(@TempDir Path project) throws Exception {
        ClasspathOrigins origins = new ClasspathOrigins(null, null, List.of(), new ProjectPaths(project));

        HarnessException e = assertThrows(HarnessException.class,
                () -> ExtensionLister.list(fork(project, "com.acme.Missing"), origins, new RecordingLog()));

        assertEquals("the JVM listing the forks' extensions ended with exit code 2: cannot use the discovered algorithms,"
                + " goodness functions and dataset sources:\n  an entry of META-INF/services/dev.ffbench.dataset.DatasetSource"
                + " cannot be loaded: dev.ffbench.dataset.DatasetSource: Provider com.acme.Missing not found; allowed: the"
                + " binary names of public classes on the class path, one per line", e.getMessage());
    }

    @Test
    void originsAreNamedInTheProjectsTerms(@TempDir Path project) {
        Path jar = project.resolve("lib/goodness-1.2.jar");
        ClasspathOrigins origins = new ClasspathOrigins(project.resolve("target/classes"), project.resolve("target/test-classes"),
                List.of(new ForkClasspath.Artifact("com.acme", "goodness", "", "1.2", jar, false)), new ProjectPaths(project));

        assertEquals("built in", origins.label("built in"));
        assertEquals("the project's classes (target/classes)", origins.label(project.resolve("target/classes").toString()));
        assertEquals("the project's test classes (target/test-classes)",
                origins.label(project.resolve("target/test-classes/").toString()));
        assertEquals("com.acme:goodness:1.2 (lib/goodness-1.2.jar)", origins.label(jar.toString()));
        assertEquals("/elsewhere/x.jar", origins.label("/elsewhere/x.jar"));
    }
}
