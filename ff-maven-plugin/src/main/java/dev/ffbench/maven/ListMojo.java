package dev.ffbench.maven;

import dev.ffbench.fork.ClasspathOrigins;
import dev.ffbench.fork.ExtensionLister;
import dev.ffbench.fork.ForkOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Lists every algorithm (with its options: default, allowed values, description), goodness function and
 * dataset source that ff:benchmark's cells would see, each with where it comes from: built in, the
 * project's classes or test classes, or a dependency by its coordinates. The project is compiled first
 * (test-compile) and the listing is read in a JVM started as the cells are (same java, JVM arguments and
 * class path), so it names exactly what they will find.
 */
@Mojo(name = "list", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class ListMojo extends AbstractFfMojo {

    /** JVM arguments of the forks, whitespace-separated, as for ff:benchmark (the listing JVM is started with them). */
    @Parameter(property = "ff.jvmArgs", defaultValue = "-Xmx2g")
    protected String jvmArgs;

    /** The java executable of the forks; default: the one running Maven. */
    @Parameter(property = "ff.java")
    protected File java;

    /**
     * Which of the project's class paths joins the forks' (after the engine's), as for ff:benchmark: test (its
     * classes, test classes and every dependency) or runtime (its classes and runtime dependencies).
     */
    @Parameter(property = "ff.classpathScope", defaultValue = "test")
    protected String classpathScope;

    /** This plugin, whose resolved dependencies (the engine and ND4J) form the forks' class path. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** The project whose classes and dependencies join the forks' class path. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Override
    protected void run() throws IOException {
        // one JVM, as a cell's: parallelism and the cell timeout do not apply to the listing
        ForkOptions fork = new ForkOptions(java == null ? ForkOptions.currentJava() : java.toPath(), ProjectClasspath.engine(plugin),
                ForkOptions.parseJvmArgs(jvmArgs), ForkOptions.DEFAULT_TIMEOUT, 1, baseDirectory.toPath(),
                ProjectClasspath.entries(project, classpathScope, plugin, harnessLog()));
        ClasspathOrigins origins = new ClasspathOrigins(Path.of(project.getBuild().getOutputDirectory()),
                Path.of(project.getBuild().getTestOutputDirectory()), ProjectClasspath.artifacts(project, classpathScope),
                projectPaths());
        ExtensionLister.list(fork, origins, harnessLog());
    }
}
