package dev.ffbench.maven;

import dev.ffbench.harness.Harness;
import dev.ffbench.matrix.Flag;
import dev.ffbench.output.WorkflowCommands;
import dev.ffbench.report.BenchmarkReport;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Judges the gates on existing results without running anything: the results of ff:benchmark, or
 * the results of several shards, merged. Writes the merged results.json, summary.md,
 * TEST-ff-benchmark.xml and report.html, then fails the build on a violation (unless failOnViolation is
 * false: the gates are then advisory) or a failed cell. Results that lack part
 * of the matrix (a shard missing) are refused unless allowIncompleteMatrix is set.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractResultsMojo {

    /**
     * Judge results that hold only part of the matrix (e.g. one shard's results.json, or the shards that
     * finished): the gates then judge the cells present and a warning names the missing part. By default
     * such results are refused, since the missing cells would pass without being judged.
     */
    @Parameter(property = "ff.allowIncompleteMatrix", defaultValue = "false")
    protected String allowIncompleteMatrix;

    @Override
    protected void run() throws IOException, MojoExecutionException, MojoFailureException {
        Harness.Outcome outcome = Harness.check(new Harness.CheckRequest(resultsPaths(), gateParameters(), baselinePath(),
                outputDirectory.toPath(), List.of(new BenchmarkReport(), WorkflowCommands.fromEnvironment()), baseDirectory.toPath(), baselineRef, historyPath(),
                Flag.parse("allowIncompleteMatrix", allowIncompleteMatrix)), harnessLog());
        failOn(outcome, acceptCommand(explicitResults(), baseline));
    }
}
