package dev.ffbench.maven;

import dev.ffbench.gate.Baseline;
import dev.ffbench.io.AtomicFiles;
import dev.ffbench.output.ReportInputs;
import dev.ffbench.report.BenchmarkReport;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The FF Bench report as a page of the project's site ({@code mvn site}): the same self-contained
 * report.html, written as {@code ff-benchmark-report.html} and listed under Project Reports. It
 * renders existing results (run {@code ff:benchmark}, or {@code ff:report} to merge shards, first);
 * it runs nothing and judges no gates (ff:benchmark and ff:check do).
 */
@Mojo(name = "site-report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class SiteReportMojo extends AbstractMavenReport {
    static final String OUTPUT_NAME = "ff-benchmark-report";

    /** The results to render: the results.json that ff:benchmark or ff:report wrote. */
    @Parameter(property = "ff.siteResults", defaultValue = "${project.build.directory}/ff-benchmark/results.json")
    protected File results;

    /** The baseline drawn beside the results when the file exists (written by ff:baseline). */
    @Parameter(property = "ff.baseline", defaultValue = "${project.basedir}/ff-baseline.json")
    protected File baseline;

    /** Skips the report. */
    @Parameter(property = "ff.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return "FF Bench report";
    }

    @Override
    public String getDescription(Locale locale) {
        return "Forward-Forward vs backprop: peak memory vs depth and width, memory breakdown, accuracy and speed,"
                + " beside the stored baseline.";
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            return false;
        }
        if (results == null || !results.isFile()) {
            getLog().info("FF Bench report: no results at " + results + " (run ff:benchmark first); the page is left out");
            return false;
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        try {
            ResultsDocument document = ResultsFiles.read(results.toPath(), ResultsDocument.RESULTS);
            ResultsDocument before = baseline != null && baseline.isFile()
                    ? ResultsFiles.read(baseline.toPath(), ResultsDocument.BASELINE) : null;
            ReportInputs shown = ReportInputs.unjudged(document, new Baseline(before, baseline == null ? null : baseline.getName()),
                    "This site page shows the results only: gates are judged by ff:benchmark and ff:check (see summary.md"
                            + " and TEST-ff-benchmark.xml).");
            File page = new File(getReportOutputDirectory(), OUTPUT_NAME + ".html");
            AtomicFiles.write(page.toPath(), new BenchmarkReport().render(shown));
            getLog().info("FF Bench report: " + page);
        } catch (IOException | RuntimeException e) {
            throw new MavenReportException("cannot render the FF Bench report from " + results + ": " + e.getMessage(), e);
        }
    }
}
