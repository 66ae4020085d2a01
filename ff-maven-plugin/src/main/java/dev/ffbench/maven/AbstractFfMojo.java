package dev.ffbench.maven;

import dev.ffbench.experiment.ExitGuard;
import dev.ffbench.experiment.ExtensionException;
import dev.ffbench.harness.Harness;
import dev.ffbench.io.FileProblems;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.matrix.Flag;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: skipping, the output directory, and the mapping of the harness's
 * outcome to Maven's two exceptions (a broken run or bad input: {@link MojoExecutionException};
 * a failed gate: {@link MojoFailureException}), raised only after everything is written.
 */
abstract class AbstractFfMojo extends AbstractMojo {

    /** Skips the goal: nothing runs, nothing is written. */
    @Parameter(property = "ff.skip", defaultValue = "false")
    protected String skip;

    /** Where results.json, summary.md, TEST-ff-benchmark.xml, report.html and cells/ are written. */
    @Parameter(property = "ff.outputDirectory", defaultValue = "${project.build.directory}/ff-benchmark")
    protected File outputDirectory;

    /** The project's build directory, to tell whether ff.outputDirectory was changed. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    protected File buildDirectory;

    /** The project's base directory: relative dataset directories resolve against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    protected File baseDirectory;

    /** The Maven session: its -D user properties, and whether it builds several modules at once (-T). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** This goal's execution: the configuration the POM gave it, to tell which -Dff.x it overrides. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        warnShadowedProperties();
        // the project's code runs in this JVM (discovery, its algorithms' declarations): an exit it calls fails the build
        try (ExitGuard guard = ExitGuard.open("ff-maven-plugin", System.err)) {
            if (Flag.parse("skip", skip)) {
                getLog().info("ff: skipped (ff.skip=true)");
                return;
            }
            run();
        } catch (ExtensionException e) {
            throw new MojoExecutionException("ff-maven-plugin: " + e.getMessage(), e);
        } catch (HarnessException e) {
            // the message is whole: Maven would append the cause's own text (a parser's, say) after it; the
            // reminder of where parameters are set follows only a parameter's problem
            throw new MojoExecutionException("ff-maven-plugin: " + e.getMessage()
                    + (ParameterHint.applies(e, parameterNames()) ? ParameterHint.TEXT : ""));
        } catch (java.io.InterruptedIOException e) {
            // the build is being stopped (Ctrl-C, SIGTERM): what is kept and how to resume
            throw new MojoExecutionException("ff-maven-plugin: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("ff-maven-plugin: cannot read or write benchmark files: "
                    + FileProblems.describe(e), e);
        }
    }

    /**
     * Warns of each -Dff.x that the POM's element for the same parameter overrides (Maven's precedence),
     * and of each -Dff.x that no goal of the plugin reads.
     */
    private void warnShadowedProperties() {
        if (session == null || mojoExecution == null) {
            return;   // a mojo built by hand (a unit test) rather than by Maven has neither
        }
        ShadowedProperties.warnings(mojoExecution.getConfiguration(), userProperties(mojoExecution.getMojoDescriptor()),
                session.getUserProperties(), "ff:" + mojoExecution.getGoal() + " (execution "
                        + mojoExecution.getExecutionId() + ")").forEach(getLog()::warn);
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (org.apache.maven.plugin.descriptor.MojoDescriptor goal : mojoExecution.getMojoDescriptor().getPluginDescriptor().getMojos()) {
            known.addAll(userProperties(goal).values());
        }
        UnknownProperties.warnings(session.getUserProperties(), known).forEach(getLog()::warn);
    }

    /** This goal's parameter names ("depths", "rules"); none for a mojo built by hand (a unit test). */
    private java.util.Set<String> parameterNames() {
        if (mojoExecution == null || mojoExecution.getMojoDescriptor().getParameters() == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        mojoExecution.getMojoDescriptor().getParameters().forEach(parameter -> names.add(parameter.getName()));
        return names;
    }

    /** A goal's parameter names to their user properties (dataset to ff.dataset), for those that have one. */
    private static Map<String, String> userProperties(org.apache.maven.plugin.descriptor.MojoDescriptor goal) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (org.apache.maven.plugin.descriptor.Parameter parameter : goal.getParameters() == null
                ? List.<org.apache.maven.plugin.descriptor.Parameter>of() : goal.getParameters()) {
            String expression = parameter.getExpression();
            if (expression != null && expression.startsWith("${ff.") && expression.endsWith("}")) {
                properties.put(parameter.getName(), expression.substring(2, expression.length() - 1));
            }
        }
        return properties;
    }

    protected abstract void run() throws IOException, MojoExecutionException, MojoFailureException;

    /**
     * Failed cells break the run; otherwise violations fail the build unless the harness's verdict made
     * them advisory; both after all files are written.
     */
    protected void failOn(Harness.Outcome outcome, String acceptCommand) throws MojoExecutionException, MojoFailureException {
        if (outcome.hasFailedCells()) {
            throw new MojoExecutionException(outcome.failedCellsMessage()
                    + (outcome.hasViolations() ? "\n" + outcome.gates().failureMessage(acceptCommand) : ""));
        }
        if (outcome.violationsFail()) {
            throw new MojoFailureException(outcome.gates().failureMessage(acceptCommand));
        }
    }

    /**
     * The command that turns the results just judged into the baseline: {@code mvn ff:baseline},
     * plus the options that located those results and the baseline if they are not the defaults.
     */
    protected String acceptCommand(List<File> resultsFiles, File baseline) {
        StringBuilder command = new StringBuilder("mvn ff:baseline");
        if (!resultsFiles.isEmpty()) {
            command.append(" -Dff.results=").append(String.join(",", resultsFiles.stream().map(this::shown).toList()));
        } else if (!outputDirectory.getAbsoluteFile().equals(new File(buildDirectory, "ff-benchmark").getAbsoluteFile())) {
            command.append(" -Dff.outputDirectory=").append(shown(outputDirectory));
        }
        if (baseline != null && !baseline.getAbsoluteFile().equals(new File(baseDirectory, "ff-baseline.json").getAbsoluteFile())) {
            command.append(" -Dff.baseline=").append(shown(baseline));
        }
        return command.toString();
    }

    /** How paths read in messages: relative to the project directory when inside it. */
    protected ProjectPaths projectPaths() {
        return new ProjectPaths(baseDirectory.toPath());
    }

    /** {@code file} as messages show it (relative to the project directory when inside it). */
    protected String shown(File file) {
        return projectPaths().show(file.isAbsolute() ? file.toPath() : baseDirectory.toPath().resolve(file.getPath()));
    }

    protected MavenHarnessLog harnessLog() {
        return new MavenHarnessLog(getLog());
    }

    static List<Map<String, String>> fields(List<? extends CellPattern> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(CellPattern::fields).toList();
    }
}
