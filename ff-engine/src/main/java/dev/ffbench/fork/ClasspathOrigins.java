package dev.ffbench.fork;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.ProjectPaths;
import java.nio.file.Path;
import java.util.List;

/**
 * Names where an extension comes from in the project's terms: "built in", the project's classes or test
 * classes directory, or the dependency jar by its coordinates; any other location by its path.
 *
 * @param classes the project's classes directory (target/classes)
 * @param testClasses the project's test classes directory (target/test-classes)
 * @param dependencies the project's resolved dependencies, by coordinates and file
 * @param paths how paths read in messages (relative to the project directory when inside it)
 */
public record ClasspathOrigins(Path classes, Path testClasses, List<ForkClasspath.Artifact> dependencies, ProjectPaths paths) {

    public ClasspathOrigins {
        dependencies = List.copyOf(dependencies);
    }

    /**
     * "built in", "the project's classes (target/classes)", "the project's test classes (target/test-classes)",
     * "com.acme:goodness:1.2 (/home/u/.m2/.../goodness-1.2.jar)", or the path itself.
     *
     * @param origin what discovery reports: {@value Extensions#BUILT_IN} or the jar or directory's path
     */
    public String label(String origin) {
        if (origin.equals(Extensions.BUILT_IN)) {
            return origin;
        }
        Path location;
        try {
            location = normal(Path.of(origin));
        } catch (java.nio.file.InvalidPathException e) {
            return origin; // a location that is no path (an unusual class loader's URL): shown as it came
        }
        if (classes != null && location.equals(normal(classes))) {
            return "the project's classes (" + paths.show(location) + ")";
        }
        if (testClasses != null && location.equals(normal(testClasses))) {
            return "the project's test classes (" + paths.show(location) + ")";
        }
        for (ForkClasspath.Artifact dependency : dependencies) {
            if (location.equals(normal(dependency.file()))) {
                return dependency.coordinates() + " (" + paths.show(location) + ")";
            }
        }
        return paths.show(location);
    }

    private static Path normal(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
