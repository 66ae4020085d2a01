package dev.ffbench.experiment;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetReader;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.dataset.Datasets;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.AllocationGuard;
import dev.ffbench.memory.HeapOutsideLedger;
import dev.ffbench.memory.MemoryLedger;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.PhaseMemory;
import dev.ffbench.memory.ProcessMemory;
import dev.ffbench.nn.Parallel;
import dev.ffbench.nn.PixelBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one experiment: spec in, result out. The algorithm comes from the discovered
 * {@link Extensions}; its model is built, then trained by the engine's {@link TrainingLoop} and
 * evaluated by its {@link Evaluation}, inside the {@link AllocationGuard}, so that any ND4J array
 * created outside a step workspace or the persistent ledger stops the run with an
 * {@link EscapedAllocationException} naming the class and method that made it.
 */
public final class ExperimentRunner {
    private final Extensions extensions;

    public ExperimentRunner(Extensions extensions) {
        this.extensions = extensions;
    }

    /** A runner over the engine's own discovered extensions (in a forked cell: the whole class path). */
    public static ExperimentRunner engine() {
        return new ExperimentRunner(Extensions.engine());
    }

    /**
     * Trains and evaluates {@code spec}, a spec as {@link SpecResolver#resolve} gives it: it is checked
     * ({@link SpecResolver#requireResolved}), never resolved again.
     *
     * @throws InvalidSpecException when the spec is not resolved or its batch size does not fit the
     *     dataset (exit code 2 on the command line)
     * @throws dev.ffbench.dataset.DatasetException when the dataset cannot be read
     * @throws TrainingDivergedException when a loss becomes NaN or infinite
     * @throws EscapedAllocationException when the model allocates outside the ledger and the workspaces
     * @throws ModelFailedException when the algorithm's own code throws
     */
    public ExperimentResult run(ExperimentSpec spec) {
        new SpecResolver(extensions).requireResolved(spec);
        Dataset dataset = prepare(spec);
        DatasetSummary summary = dataset.summary();
        PersistentMemory memory = new PersistentMemory();
        try (MemoryWorkspace guard = AllocationGuard.open()) {
            Workspaces workspaces = new Workspaces();
            SplittableRandom random = new SplittableRandom(spec.seed());
            ModelContext context = context(spec, dataset, memory, random.split());
            // from here on, the model's large Java objects are recorded, from its constructor to its last
            // prediction: they are memory outside the ledger
            try (HeapRecorder heap = new HeapRecorder(HeapOutsideLedger.minObjectBytes(spec.batchSize(), dataset.classes()))) {
                Model model = build(context);
                Evaluation evaluation = new Evaluation(spec.algorithm(), model, spec.batchSize(), dataset.classes(),
                        spec.seed(), memory, workspaces, cappedEvaluationBatches(spec, dataset.train().count()));
                AccuracyCurve curve = new AccuracyCurve(spec);
                TrainingLoop loop = new TrainingLoop(spec, context.learningRate(), model, memory, random, workspaces);
                curve.start();
                TrainingLoop.Outcome training = guarded(spec, () -> loop.run(dataset.train(), epoch -> curve.afterEpoch(epoch,
                        () -> accuracy(guarded(spec, () -> evaluation.run(dataset.test(), null)).predictions(), dataset.test()))));
                double trainSeconds = curve.trainingSeconds(System.nanoTime());
                Divergence.check(spec, context.learningRate(), training.losses(), memory);
                long evalStart = System.nanoTime();
                Evaluation.Outcome test;
                List<Double> deadUnits;
                try (UnitActivity activity = new UnitActivity()) {
                    test = guarded(spec, () -> evaluation.run(dataset.test(), activity));
                    deadUnits = activity.deadUnitFractions();
                }
                double testAccuracy = accuracy(test.predictions(), dataset.test());
                double evalSeconds = seconds(evalStart);
                EvaluationDiagnostics diagnostics = EvaluationDiagnostics.of(test.predictions(),
                        labels(dataset.test(), test.predictions().length), dataset.classes(), testAccuracy, deadUnits);
                Evaluation.Outcome train = guarded(spec, () -> evaluation.run(dataset.train(), null));
                HeapOutsideLedger outsideLedger = heap.stop();
                double trainAccuracy = accuracy(train.predictions(), dataset.train());
                List<CurvePoint> points = curve.finish(trainSeconds, testAccuracy);
                MemoryLedger ledger = new MemoryLedger(
                        PhaseMemory.peakOf(training.phases()),
                        test.memory().max(train.memory()),
                        training.phases(),
                        dataset.bytes(),
                        ProcessMemory.peakRssBytes(),
                        outsideLedger);
                return new ExperimentResult(
                        ExperimentResult.SCHEMA_VERSION, spec, summary, trainAccuracy, testAccuracy, training.losses(), ledger,
                        trainSeconds, evalSeconds, training.trainingSamples() / trainSeconds, points,
                        AccuracyCurve.secondsTo(spec.targetAccuracy(), points), diagnostics, RunEnvironment.capture(),
                        guarded(spec, () -> extensions.algorithm(spec.algorithm()).traits(spec)), training.epochSeconds());
            }
        } finally {
            memory.releaseAll();
        }
    }

    /**
     * Trains without evaluating and returns the memory of each training phase: for memory sweeps of
     * deep, wide nets, whose K-label evaluation would cost far more than the few steps that fix
     * the peaks.
     */
    public List<PhaseMemory> trainingMemory(ExperimentSpec requested) {
        return train(requested).phases();
    }

    /** Builds and trains {@code requested}'s model inside the guard, evaluating nothing. */
    private TrainingLoop.Outcome train(ExperimentSpec spec) {
        new SpecResolver(extensions).requireResolved(spec);
        Dataset dataset = prepare(spec);
        PersistentMemory memory = new PersistentMemory();
        try (MemoryWorkspace guard = AllocationGuard.open()) {
            Workspaces workspaces = new Workspaces();
            SplittableRandom random = new SplittableRandom(spec.seed());
            ModelContext context = context(spec, dataset, memory, random.split());
            Model model = build(context);
            TrainingLoop loop = new TrainingLoop(spec, context.learningRate(), model, memory, random, workspaces);
            return guarded(spec, () -> loop.run(dataset.train(), epoch -> {}));
        } finally {
            memory.releaseAll();
        }
    }

    /**
     * ND4J ops per training step: trains {@code spec} for one epoch of one step per phase and for one
     * epoch of three steps per phase, counting the ops of training only ({@link OpCounter}), and
     * divides the difference by the two extra steps of every phase, so set-up (allocating gradients and
     * optimizer state, opening workspaces) does not count. Layerwise FF has a phase per layer and a
     * step of a higher layer also streams the batch through the layers below; the figure is the mean
     * over the phases.
     *
     * @return ops per step, mean over the training phases
     */
    public double trainingOpsPerStep(ExperimentSpec requested) {
        long one = trainingOps(requested.withSteps(1));
        long three = trainingOps(requested.withSteps(3));
        int phases = trainingMemory(requested.withSteps(1)).size();
        return (three - one) / (2.0 * phases);
    }

    private long trainingOps(ExperimentSpec requested) {
        return OpCounter.count(() -> train(requested));
    }

    private ModelContext context(ExperimentSpec spec, Dataset dataset, PersistentMemory memory, SplittableRandom init) {
        return new ModelContext(spec, dataset.shape(), memory, init, extensions::goodness);
    }

    private Model build(ModelContext context) {
        return guarded(context.spec(), () -> extensions.algorithm(context.spec().algorithm()).build(context));
    }

    /**
     * Runs the algorithm's code, turning what escapes it into the engine's own failures: an allocation
     * the guard refused names the code that made it; any other exception of the algorithm's code keeps
     * its stack trace for the cell's log.
     */
    private <T> T guarded(ExperimentSpec spec, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (TrainingDivergedException | InvalidSpecException | ModelFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            EscapedAllocationException escaped = EscapedAllocationException.from(e, spec.algorithm());
            if (escaped != null) {
                throw escaped;
            }
            throw new ModelFailedException(spec.algorithm(), extensions.algorithmOrigin(spec.algorithm()), e);
        }
    }

    /**
     * Loads the dataset, checks the batch and the algorithm's options against it (e.g. FF Base's label
     * overlay needs at least K inputs), sets up ND4J.
     */
    private Dataset prepare(ExperimentSpec spec) {
        DatasetReader reader = Datasets.open(spec.dataset(), Path.of("").toAbsolutePath(),
                extensions.datasetSources().stream().map(Extensions.Provided::value).toList());
        Dataset dataset = reader.load();
        List<String> problems = new java.util.ArrayList<>();
        List<Problem> typedProblems = new java.util.ArrayList<>();
        if (spec.batchSize() > dataset.train().count()) {
            // the batch size is an int of the resolved spec, said as it is (no quotes)
            Problem tooLarge = Problem.found("batchSize", "is " + spec.batchSize(), "at most the "
                    + dataset.train().count() + " training images of dataset " + spec.dataset());
            problems.add(tooLarge.message());
            typedProblems.add(tooLarge);
        }
        // the algorithm words its own problems
        problems.addAll(guarded(spec, () -> extensions.algorithm(spec.algorithm()).problems(spec, dataset.shape())));
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems, typedProblems);
        }
        configureNumerics(spec.threads());
        return dataset;
    }

    /** float32 everywhere, and a fixed thread count so that runs are comparable and repeatable. */
    private static void configureNumerics(int threads) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        Parallel.setThreads(threads);
    }

    /**
     * The batches a cell's evaluation covers on each split: a capped cell's {@code maxStepsPerEpoch} (its
     * cap under the {@code trainImages}' steps per epoch; see {@link Evaluation}), otherwise 0 (every batch).
     */
    public static int cappedEvaluationBatches(ExperimentSpec spec, int trainImages) {
        int cap = spec.maxStepsPerEpoch();
        return cap > 0 && cap < PixelBatch.stepsPerEpoch(trainImages, spec.batchSize(), 0) ? cap : 0;
    }

    /** The labels of the first {@code count} images. */
    private static int[] labels(ImageSet images, int count) {
        int[] labels = new int[count];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        return labels;
    }

    /**
     * The share of the predicted images (the first {@code predictions.length} of {@code images}) predicted
     * right; a tie ({@link dev.ffbench.ff.Labels#TIE}) is never right.
     */
    private static double accuracy(int[] predictions, ImageSet images) {
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] == images.label(i)) {
                correct++;
            }
        }
        return predictions.length == 0 ? 0 : (double) correct / predictions.length;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
