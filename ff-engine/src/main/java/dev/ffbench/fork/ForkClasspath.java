package dev.ffbench.fork;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The project's part of the forks' class path, checked against the engine's. The forks run the
 * engine the plugin brings; the project's classes were compiled against the ff-engine and ND4J
 * versions it depends on, so those must be the plugin's own, or the user's code would run against an
 * API it was not built for: a mismatch is an error before any cell runs, naming both versions. Any
 * other library both sides bring is taken once, in the engine's version (named in a warning when the
 * versions differ and the project asked for the library itself, not through ff-engine).
 */
public final class ForkClasspath {
    /** Libraries whose versions must agree: the engine's API and the numerics under it. */
    private static final List<String> MUST_MATCH = List.of("dev.ffbench:", "org.nd4j:", "org.bytedeco:");

    private ForkClasspath() {}

    /**
     * A resolved dependency: its coordinates and its file. {@code classifier} is "" when there is none;
     * {@code throughEngine} tells a library the project has only because it depends on ff-engine.
     */
    public record Artifact(String groupId, String artifactId, String classifier, String version, Path file,
            boolean throughEngine) {
        String key() {
            return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier);
        }

        String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /**
     * The project's class path entries to add after the engine's: its own class directories and the
     * dependencies the engine does not already bring.
     *
     * @param projectElements the project's class path (class directories and dependency files) in order
     * @param projectArtifacts the project's resolved dependencies (the files among {@code projectElements})
     * @param engineArtifacts the plugin's resolved dependencies (the engine and what it needs)
     * @param pluginVersion the plugin's version, for messages
     * @throws HarnessException when the project depends on another ff-engine, ND4J or JavaCPP version
     */
    public static List<Path> projectEntries(List<Path> projectElements, List<Artifact> projectArtifacts,
            List<Artifact> engineArtifacts, String pluginVersion, HarnessLog log) {
        List<Problem> problems = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        Set<Path> dropped = new LinkedHashSet<>();
        for (Artifact project : projectArtifacts) {
            for (Artifact engine : engineArtifacts) {
                boolean sameLibrary = engine.groupId().equals(project.groupId()) && engine.artifactId().equals(project.artifactId());
                if (!sameLibrary) {
                    continue;
                }
                boolean mustMatch = MUST_MATCH.stream().anyMatch(project.key()::startsWith);
                if (!engine.version().equals(project.version())) {
                    if (mustMatch) {
                        Problem problem = Problem.found("the project", "depends on " + project.coordinates()
                                + " but ff-maven-plugin " + pluginVersion + " runs " + engine.coordinates(), "the same"
                                + " version, so that the project's algorithms run against the engine they were compiled"
                                + " with (depend on dev.ffbench:ff-engine:" + pluginVersion + " and take ND4J from it,"
                                + " or use the ff-maven-plugin of the ff-engine version you depend on)");
                        if (!problems.contains(problem)) {
                            problems.add(problem);
                        }
                    } else if (!project.throughEngine() && !replaced.contains(project.coordinates())) {
                        replaced.add(project.coordinates() + " (the engine's " + engine.version() + " is used)");
                    }
                }
                dropped.add(project.file());
            }
        }
        if (!problems.isEmpty()) {
            throw HarnessException.of(problems);
        }
        if (!replaced.isEmpty()) {
            log.warn("the forks take these libraries in the engine's version, not the project's: "
                    + String.join(", ", replaced));
        }
        return projectElements.stream().filter(entry -> !dropped.contains(entry)).toList();
    }
}
