package dev.ffbench.maven;

import dev.ffbench.harness.Harness;
import dev.ffbench.report.BenchmarkReport;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Judges the gates on existing results without running anything: the results of ff:benchmark, or
 * the results of several shards, merged. Writes the merged results.json, summary.md,
 * TEST-ff-benchmark.xml and report.html, then fails the build on a violation.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractResultsMojo {

    @Override
    protected void run() throws IOException, MojoExecutionException, MojoFailureException {
        Harness.Outcome outcome = Harness.check(new Harness.CheckRequest(resultsPaths(), gateParameters(), baselinePath(),
                outputDirectory.toPath(), List.of(new BenchmarkReport()), baseDirectory.toPath(), baselineRef, historyPath()),
                harnessLog());
        failOn(outcome, acceptCommand(explicitResults(), baseline));
    }
}
