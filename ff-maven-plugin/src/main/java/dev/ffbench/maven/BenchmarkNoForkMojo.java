package dev.ffbench.maven;

import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * ff:benchmark without forking the lifecycle, for {@code <executions>}: bound to a phase (verify by
 * default) it runs in the build that already compiled the project, so compile and test-compile run once.
 * {@code benchmark} itself runs the phases up to test-compile first (so that {@code mvn ff:benchmark}
 * alone sees the project's classes), which in a bound execution would run them, and their plugins, a
 * second time. The name follows Maven's own no-fork variants (source:jar-no-fork, javadoc:javadoc-no-fork).
 * Same parameters, outputs and verdicts as benchmark.
 */
@Mojo(name = "benchmark-no-fork", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
// an empty @Execute replaces the one benchmark declares (the plugin descriptor inherits it otherwise): no fork
@Execute
public class BenchmarkNoForkMojo extends BenchmarkMojo {
}
