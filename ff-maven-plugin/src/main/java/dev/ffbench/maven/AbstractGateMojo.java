package dev.ffbench.maven;

import dev.ffbench.gate.GateParameters;
import dev.ffbench.matrix.Flag;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** The gate parameters, shared by the goals that judge results (benchmark, check, report). */
abstract class AbstractGateMojo extends AbstractFfMojo {

    /**
     * Absolute gates, like jacoco:check rules: each selects cells (algorithm, depth, width,
     * goodness, dataset, seed; comma lists; omitted means any), names a metric
     * (trainingPeakBytes, evaluationPeakBytes, testAccuracy, trainAccuracy, samplesPerSecond) and a
     * minimum and/or maximum (accuracies as fractions). Compact form for -Dff.rules:
     * "algorithm=ff-base;metric=testAccuracy;minimum=0.85" (several values of a field separated by |).
     * A rule whose selection matches no cell of the matrix, a bound that can never fail (a minimum of 0,
     * an accuracy maximum of 1) and a rule given twice are errors before any cell runs.
     */
    @Parameter(property = "ff.rules")
    protected List<Rule> rules;

    /**
     * Ratio gates: metric (default trainingPeakBytes) of each algorithm cell divided by that of the
     * reference cell (default backprop) at the same depth, width, dataset, batch, epochs, steps,
     * optimizer, threads and seed; minimum and/or maximum bound the ratio; depth, width, goodness,
     * dataset and seed narrow the pairs. Compact form for -Dff.ratios: "algorithm=ff-base;maximum=0.5".
     * A ratio that pairs no cell of the matrix, a minimum of 0 and a ratio given twice are errors before
     * any cell runs.
     */
    @Parameter(property = "ff.ratios")
    protected List<Ratio> ratios;

    /**
     * The baseline to compare with (written by ff:baseline). If it does not exist, the
     * baseline-relative gates are skipped with a warning (see failIfNoBaseline).
     */
    @Parameter(property = "ff.baseline", defaultValue = "${project.basedir}/ff-baseline.json")
    protected File baseline;

    /** Fail the build when the baseline file does not exist, instead of skipping the relative gates. */
    @Parameter(property = "ff.failIfNoBaseline", defaultValue = "false")
    protected String failIfNoBaseline;

    /**
     * A git revision (branch, tag or commit id, e.g. origin/main): the baseline file is read as
     * committed there (git show REV:path, through the git command line) instead of from the working
     * tree, so that a pull request is judged against the baseline of the branch it targets; unless
     * the pull request re-records the baseline (its file differs from the one there and from the one at
     * the merge base): the gates then judge against its file, and the summary and report list the
     * re-recorded cells under a banner. Git missing, no repository, an unknown revision or a file the
     * revision lacks are errors.
     */
    @Parameter(property = "ff.baselineRef")
    protected String baselineRef;

    /**
     * The history directory that ff:history appends runs to. When it exists, the report draws each
     * gated metric of every cell over the recorded runs, with this run as the last point.
     */
    @Parameter(property = "ff.historyDirectory", defaultValue = "${project.basedir}/ff-history")
    protected File historyDirectory;

    /**
     * How much a cell's training or evaluation peak may grow over the baseline, in per cent. Memory
     * is exact and deterministic, so the default is 0: any growth fails.
     */
    @Parameter(property = "ff.maxMemoryGrowthPercent", defaultValue = "0")
    protected String maxMemoryGrowthPercent;

    /**
     * How many percentage points the mean test accuracy over seeds may drop below the baseline's
     * mean, before the seed-noise allowance: at least 0 and below 100 (a bound of 100 never fails).
     */
    @Parameter(property = "ff.maxAccuracyDropPoints", defaultValue = "1.0")
    protected String maxAccuracyDropPoints;

    /**
     * The seed-noise allowance, in standard errors of the difference of the two means (from the
     * spread over seeds; 0 when there is one seed on each side): added to maxAccuracyDropPoints.
     */
    @Parameter(property = "ff.accuracyNoiseSigmas", defaultValue = "2.0")
    protected String accuracyNoiseSigmas;

    /**
     * When set, the mean samples/s over seeds may drop at most this many per cent below the
     * baseline's: at least 0 and below 100 (a bound of 100 never fails). Unset by default: wall time
     * depends on the machine and its load. Against a baseline measured in another environment (CPU,
     * Java, ND4J, BLAS, threads) the speed gates are skipped with that reason; memory gates still judge.
     */
    @Parameter(property = "ff.maxSpeedDropPercent")
    protected String maxSpeedDropPercent;

    /**
     * Fail the build on a gate violation (the default). When false the gates are advisory: violations are
     * reported as usual (log, summary.md, JUnit XML, report.html) and the build passes, with a warning that
     * counts them; a failed cell still fails the build, being a broken run rather than a gate's judgement.
     */
    @Parameter(property = "ff.failOnViolation", defaultValue = "true")
    protected String failOnViolation;

    protected GateParameters gateParameters() {
        return new GateParameters(fields(rules), fields(ratios), maxMemoryGrowthPercent, maxAccuracyDropPoints,
                accuracyNoiseSigmas, maxSpeedDropPercent, Flag.parse("failIfNoBaseline", failIfNoBaseline),
                Flag.parse("failOnViolation", failOnViolation));
    }

    protected java.nio.file.Path baselinePath() {
        return baseline == null ? null : baseline.toPath().toAbsolutePath().normalize();
    }

    protected java.nio.file.Path historyPath() {
        return historyDirectory == null ? null : historyDirectory.toPath().toAbsolutePath().normalize();
    }

    @Override
    protected String acceptCommand(List<File> resultsFiles, File baseline) {
        String command = super.acceptCommand(resultsFiles, baseline);
        return baselineRef == null || baselineRef.isBlank() ? command
                : command + ", then commit " + shown(baseline) + " (it then differs from the one at " + baselineRef.trim()
                        + ", so the gates judge against it and the summary lists the re-recorded cells for review)";
    }
}
