package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.RecordingLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's part of the forks' class path, and the versions that must agree with the engine's. */
class ForkClasspathTest {
    private static final Path CLASSES = Path.of("/p/target/classes");
    private static final Path TEST_CLASSES = Path.of("/p/target/test-classes");

    private static ForkClasspath.Artifact artifact(String coordinates, boolean throughEngine) {
        String[] parts = coordinates.split(":");
        return new ForkClasspath.Artifact(parts[0], parts[1], parts.length > 3 ? parts[3] : "", parts[2],
                Path.of("/repo/" + parts[1] + "-" + parts[2] + (parts.length > 3 ? "-" + parts[3] : "") + ".jar"),
                throughEngine);
    }

    private static final List<ForkClasspath.Artifact> ENGINE = List.of(
            artifact("dev.ffbench:ff-engine:0.1.0", false),
            artifact("org.nd4j:nd4j-native:1.0.0-M2.1", false),
            artifact("org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64-avx2", false),
            artifact("com.fasterxml.jackson.core:jackson-databind:2.21.3", false));

    @Test
    void theProjectsClassesAndOwnLibrariesJoinWhatTheEngineAlreadyBringsIsTakenOnce() {
        ForkClasspath.Artifact engine = artifact("dev.ffbench:ff-engine:0.1.0", false);
        ForkClasspath.Artifact nd4j = artifact("org.nd4j:nd4j-native:1.0.0-M2.1", true);
        ForkClasspath.Artifact own = artifact("org.apache.commons:commons-math3:3.6.1", false);
        RecordingLog log = new RecordingLog();

        List<Path> entries = ForkClasspath.projectEntries(List.of(TEST_CLASSES, CLASSES, engine.file(), nd4j.file(), own.file()),
                List.of(engine, nd4j, own), ENGINE, "0.1.0", log);

        assertEquals(List.of(TEST_CLASSES, CLASSES, own.file()), entries);
        assertEquals(List.of(), log.lines());
    }

    @Test
    void anotherEngineOrNd4jVersionIsRefusedNamingBothVersions() {
        HarnessException e = assertThrows(HarnessException.class, () -> ForkClasspath.projectEntries(List.of(CLASSES),
                List.of(artifact("dev.ffbench:ff-engine:0.0.9", false), artifact("org.nd4j:nd4j-native:1.0.0-M2", true)),
                ENGINE, "0.1.0", new RecordingLog()));
        String allowed = "the same version, so that the project's algorithms run against the engine they were"
                + " compiled with (depend on dev.ffbench:ff-engine:0.1.0 and take ND4J from it, or use the"
                + " ff-maven-plugin of the ff-engine version you depend on)";
        assertEquals(List.of(
                Problem.found("the project", "depends on dev.ffbench:ff-engine:0.0.9 but ff-maven-plugin 0.1.0 runs"
                        + " dev.ffbench:ff-engine:0.1.0", allowed),
                Problem.found("the project", "depends on org.nd4j:nd4j-native:1.0.0-M2 but ff-maven-plugin 0.1.0 runs"
                        + " org.nd4j:nd4j-native:1.0.0-M2.1", allowed)), e.typedProblems());
    }

    @Test
    void aLibraryTheProjectAsksForInAnotherVersionIsNamedInAWarning() {
        RecordingLog log = new RecordingLog();
        ForkClasspath.Artifact jackson = artifact("com.fasterxml.jackson.core:jackson-databind:2.15.0", false);
        assertEquals(List.of(CLASSES), ForkClasspath.projectEntries(List.of(CLASSES, jackson.file()), List.of(jackson),
                ENGINE, "0.1.0", log));
        assertEquals(List.of("WARN the forks take these libraries in the engine's version, not the project's:"
                + " com.fasterxml.jackson.core:jackson-databind:2.15.0 (the engine's 2.21.3 is used)"), log.lines());
    }
}
