package dev.ffbench.maven;

import dev.ffbench.fork.ForkOptions;
import dev.ffbench.fork.ParallelBuild;
import dev.ffbench.harness.Harness;
import dev.ffbench.matrix.Flag;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.output.WorkflowCommands;
import dev.ffbench.report.BenchmarkReport;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs the experiment matrix: every cell in its own forked JVM, each finished cell written at
 * once under cells/, then results.json, summary.md, TEST-ff-benchmark.xml and report.html; then
 * the gates are judged. Failed cells fail the build (a broken run), then gate violations do (unless
 * failOnViolation is false: the gates are then advisory).
 * The project's own algorithms, goodness functions and dataset sources (registered in
 * META-INF/services of its classes or test classes) run beside the built-ins: the project is
 * compiled first (test-compile) and its class path joins every fork's. With nothing configured,
 * the default matrix runs: every algorithm found, depths 2,4,8, widths 64,256, on the bundled
 * mnist-sample digits.
 */
@Mojo(name = "benchmark", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class BenchmarkMojo extends AbstractGateMojo {

    /** Algorithms to run, comma-separated; default: every algorithm found (the engine's and the project's). */
    @Parameter(property = "ff.algorithms")
    protected List<String> algorithms;

    /** Depths (hidden layers), comma-separated whole numbers >= 1; default 2,4,8. */
    @Parameter(property = "ff.depths")
    protected List<String> depths;

    /** Widths (units per hidden layer), comma-separated whole numbers >= 1; default 64,256. */
    @Parameter(property = "ff.widths")
    protected List<String> widths;

    /** Goodness functions for the FF algorithms (backprop has none); default sum-squares. */
    @Parameter(property = "ff.goodness")
    protected List<String> goodness;

    /** Seeds, one cell per seed; default 1. Accuracy gates judge the mean over seeds. */
    @Parameter(property = "ff.seeds")
    protected List<String> seeds;

    /**
     * The dataset: mnist-sample (bundled), synthetic, synthetic:SEED:TRAIN:TEST, or a directory of
     * MNIST-format IDX files (relative to the project); default mnist-sample.
     */
    @Parameter(property = "ff.dataset")
    protected String dataset;

    /** Epochs per cell (layerwise FF: per layer); default 4. */
    @Parameter(property = "ff.epochs")
    protected String epochs;

    /** Images per step (FF: that many positives plus as many negatives); default 64. */
    @Parameter(property = "ff.batchSize")
    protected String batchSize;

    /** Learning rate; default: the algorithm's own (FF 0.003, backprop 0.001). */
    @Parameter(property = "ff.learningRate")
    protected String learningRate;

    /** FF Base's schedule: layerwise or simultaneous; default layerwise. */
    @Parameter(property = "ff.schedule")
    protected String schedule;

    /**
     * Cap on steps per epoch, 0 for the whole training split, for every cell. Unset: the cells at the
     * matrix's smallest depth train on the whole split (their accuracy is a trained net's) and deeper
     * cells 10 steps per epoch (memory peaks do not depend on the number of steps; their accuracy is
     * marked capped).
     */
    @Parameter(property = "ff.maxStepsPerEpoch")
    protected String maxStepsPerEpoch;

    /**
     * ND4J/OpenBLAS threads per cell, also the threads of the engine's Java kernels; default 2, the
     * fastest measured on 2-core machines (docs/performance.md, Speed). parallelCells x threads above the
     * machine's cores is a warning in the log.
     */
    @Parameter(property = "ff.threads")
    protected String threads;

    /**
     * Any other spec field or algorithm option, as field=value for every algorithm that declares it
     * (e.g. finishedLayerKeeps=all, optimizer=sgd), or algorithm.field=value for one algorithm (e.g.
     * ff-recurrent.iterations=4, or backprop.learningRate=0.0003: the one matrix parameter a setting may give
     * a single algorithm, replacing learningRate for it); a setting no algorithm of the matrix reads is an error.
     */
    @Parameter(property = "ff.settings")
    protected List<String> settings;

    /**
     * When given, only the cells of the product matching one of these run (fields: algorithm,
     * depth, width, goodness, dataset, seed; compact form "algorithm=ff-base;depth=2|4").
     */
    @Parameter(property = "ff.includes")
    protected List<CellPattern> includes;

    /** Cells of the product matching one of these do not run (same fields as includes). */
    @Parameter(property = "ff.excludes")
    protected List<CellPattern> excludes;

    /**
     * Extra cells beyond the product: each is a block whose given fields replace the matrix's
     * values (e.g. depth=16 adds every algorithm and width at depth 16).
     */
    @Parameter(property = "ff.extraCells")
    protected List<CellPattern> extraCells;

    /** Run only the i-th of n parts of the matrix, e.g. 2/4; gates are then judged by ff:check on all shards. */
    @Parameter(property = "ff.shard")
    protected String shard;

    /**
     * JVM arguments of every forked cell, whitespace-separated. They also bound a cell's memory: ND4J's
     * arrays count against JavaCPP's maxPhysicalBytes (by default 4 x -Xmx; set
     * -Dorg.bytedeco.javacpp.maxphysicalbytes to change it), and a cell whose algorithm needs more is
     * refused before any cell runs.
     */
    @Parameter(property = "ff.jvmArgs", defaultValue = "-Xmx2g")
    protected String jvmArgs;

    /** Seconds a cell may run before its JVM is killed and the cell recorded as failed. */
    @Parameter(property = "ff.cellTimeout", defaultValue = "1800")
    protected int cellTimeout;

    /**
     * How many cells run at once (each one JVM). Memory figures do not change; speed figures do:
     * parallelCells x threads above the machine's cores is a warning in the log.
     */
    @Parameter(property = "ff.parallelCells", defaultValue = "1")
    protected int parallelCells;

    /**
     * Resume an interrupted run: cells that already passed in outputDirectory (cells/&lt;id&gt;.json
     * with the same spec) are kept, only the missing, failed or changed cells run; the results
     * then hold the whole matrix as an uninterrupted run would.
     */
    @Parameter(property = "ff.resume", defaultValue = "false")
    protected String resume;

    /** The java executable of the forks; default: the one running Maven. */
    @Parameter(property = "ff.java")
    protected File java;

    /**
     * Which of the project's class paths joins the forks' (after the engine's): test (its classes,
     * test classes and every dependency, so benchmark-only code can live under src/test) or runtime
     * (its classes and runtime dependencies).
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
    protected void run() throws IOException, MojoExecutionException, MojoFailureException {
        MatrixParameters matrix = MatrixParameters.builder().algorithms(algorithms).depths(depths).widths(widths)
                .goodness(goodness).seeds(seeds).dataset(dataset).epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).schedule(schedule).maxStepsPerEpoch(maxStepsPerEpoch).threads(threads)
                .settings(settings).includes(fields(includes)).excludes(fields(excludes)).extraCells(fields(extraCells))
                .build();
        ForkOptions fork = new ForkOptions(java == null ? ForkOptions.currentJava() : java.toPath(), ProjectClasspath.engine(plugin),
                ForkOptions.parseJvmArgs(jvmArgs), Duration.ofSeconds(cellTimeout), parallelCells, baseDirectory.toPath(),
                ProjectClasspath.entries(project, classpathScope, plugin, harnessLog()));
        ParallelBuild.warning(session.getRequest().getDegreeOfConcurrency(), session.getProjects().size())
                .ifPresent(getLog()::warn);
        Harness.Outcome outcome = Harness.benchmark(new Harness.BenchmarkRequest(matrix, shard, fork, gateParameters(),
                baselinePath(), outputDirectory.toPath(), List.of(new BenchmarkReport(), WorkflowCommands.fromEnvironment()), Flag.parse("resume", resume), baselineRef, historyPath()),
                harnessLog());
        failOn(outcome, acceptCommand(List.of(), baseline));
    }
}
