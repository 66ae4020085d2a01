package dev.ffbench.maven;

import dev.ffbench.fork.ForkClasspath;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.io.HarnessLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/** Maven's view of the project's class path, handed to the harness's {@link ForkClasspath} as plain coordinates and files. */
final class ProjectClasspath {
    static final List<String> SCOPES = List.of("test", "runtime");

    private ProjectClasspath() {}

    /** The engine's class path of the forks: this plugin's resolved artifacts (the engine and ND4J). */
    static List<Path> engine(PluginDescriptor plugin) {
        return plugin.getArtifacts().stream().map(Artifact::getFile).filter(Objects::nonNull).map(java.io.File::toPath).toList();
    }

    static List<Path> entries(MavenProject project, String scope, PluginDescriptor plugin, HarnessLog log) {
        if (!SCOPES.contains(scope)) {
            throw new HarnessException(new Problem("classpathScope", scope, String.join(", ", SCOPES)
                    + " (test: the project's classes, test classes and all dependencies; runtime: its classes and"
                    + " runtime dependencies)"));
        }
        List<String> elements;
        try {
            elements = scope.equals("test") ? project.getTestClasspathElements() : project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new HarnessException("cannot resolve the project's " + scope + " class path: " + e.getMessage());
        }
        List<ForkClasspath.Artifact> projectArtifacts = artifacts(project, scope);
        List<ForkClasspath.Artifact> engineArtifacts = plugin.getArtifacts().stream()
                .filter(a -> a.getFile() != null).map(ProjectClasspath::artifact).toList();
        return ForkClasspath.projectEntries(elements.stream().filter(Objects::nonNull).map(Path::of).toList(),
                projectArtifacts, engineArtifacts, plugin.getVersion(), log);
    }

    /** The project's resolved dependencies on the {@code scope} class path, by coordinates and file. */
    static List<ForkClasspath.Artifact> artifacts(MavenProject project, String scope) {
        return project.getArtifacts().stream()
                .filter(a -> scope.equals("test") || !Artifact.SCOPE_TEST.equals(a.getScope()))
                .filter(a -> a.getFile() != null).map(ProjectClasspath::artifact).toList();
    }

    private static ForkClasspath.Artifact artifact(Artifact a) {
        List<String> trail = a.getDependencyTrail() == null ? List.of() : a.getDependencyTrail();
        boolean throughEngine = trail.stream().skip(1).limit(Math.max(0, trail.size() - 2))
                .anyMatch(step -> step.startsWith("dev.ffbench:ff-engine:"));
        return new ForkClasspath.Artifact(a.getGroupId(), a.getArtifactId(), a.getClassifier() == null ? "" : a.getClassifier(),
                a.getBaseVersion(), a.getFile().toPath(), throughEngine);
    }
}

