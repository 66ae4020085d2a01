package dev.ffbench.maven;

import dev.ffbench.harness.Harness;
import dev.ffbench.report.BenchmarkReport;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders report.html (and summary.md, TEST-ff-benchmark.xml, the merged results.json) from one
 * or more results files, merging the shards of a matrix. Gates are evaluated for the report but
 * never fail the build here: that is ff:check's job.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractResultsMojo {

    @Override
    protected void run() throws IOException {
        Harness.Outcome outcome = Harness.check(new Harness.CheckRequest(resultsPaths(), gateParameters(), baselinePath(),
                outputDirectory.toPath(), List.of(new BenchmarkReport()), baseDirectory.toPath(), baselineRef, historyPath(),
                true), harnessLog()); // a report of part of the matrix is allowed: a warning in it names the missing part
        getLog().info("report: " + projectPaths().show(outcome.layout().report()));
        if (outcome.hasViolations()) {
            getLog().warn(outcome.gates().violations().size() + " gate violations are in the report (ff:check fails on them)");
        }
    }
}
