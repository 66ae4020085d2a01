package dev.ffbench.experiment;

import dev.ffbench.backprop.Backprop;
import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.Datasets;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.ff.FfBase;
import dev.ffbench.memory.AllocationGuard;
import dev.ffbench.memory.MemoryLedger;
import dev.ffbench.memory.PhaseMemory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.ProcessMemory;
import dev.ffbench.recurrent.FfRecurrent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/** Runs one experiment: spec in, result out. */
public final class ExperimentRunner {
    private static final Map<String, Algorithm> ALGORITHMS = Stream.of(new FfBase(), new FfRecurrent(), new Backprop())
            .collect(Collectors.toUnmodifiableMap(Algorithm::name, Function.identity()));

    private ExperimentRunner() {}

    public static ExperimentResult run(ExperimentSpec spec) {
        Dataset dataset = prepare(spec);
        PersistentMemory memory = new PersistentMemory();
        try (MemoryWorkspace guard = AllocationGuard.open()) {
            Model model = ALGORITHMS.get(spec.algorithm()).build(spec, dataset.pixelsPerImage(), memory);
            long trainStart = System.nanoTime();
            List<EpochLoss> losses = model.train(dataset.train());
            double trainSeconds = seconds(trainStart);
            long evalStart = System.nanoTime();
            double testAccuracy = accuracy(model.predict(dataset.test()), dataset.test());
            double evalSeconds = seconds(evalStart);
            double trainAccuracy = accuracy(model.predict(dataset.train()), dataset.train());
            MemoryLedger ledger = new MemoryLedger(
                    PhaseMemory.peakOf(model.trainingPhases()),
                    model.evaluationPeak(),
                    model.trainingPhases(),
                    dataset.train().bytes() + dataset.test().bytes(),
                    ProcessMemory.peakRssBytes());
            return new ExperimentResult(
                    ExperimentResult.SCHEMA_VERSION, spec, trainAccuracy, testAccuracy, losses, ledger,
                    trainSeconds, evalSeconds, model.trainingSamples() / trainSeconds, RunEnvironment.capture());
        } finally {
            memory.releaseAll();
        }
    }

    /**
     * Trains without evaluating and returns the memory of each training phase: for memory sweeps of
     * deep, wide nets, whose 10-label evaluation would cost far more than the few steps that fix
     * the peaks.
     */
    public static List<PhaseMemory> trainingMemory(ExperimentSpec spec) {
        Dataset dataset = prepare(spec);
        PersistentMemory memory = new PersistentMemory();
        try (MemoryWorkspace guard = AllocationGuard.open()) {
            Model model = ALGORITHMS.get(spec.algorithm()).build(spec, dataset.pixelsPerImage(), memory);
            model.train(dataset.train());
            return model.trainingPhases();
        } finally {
            memory.releaseAll();
        }
    }

    /** Validates the spec against itself and its dataset, loads the dataset, sets up ND4J. */
    private static Dataset prepare(ExperimentSpec spec) {
        spec.validated();
        Dataset dataset = Datasets.resolve(spec.dataset()).load();
        if (spec.batchSize() > dataset.train().count()) {
            throw new InvalidSpecException(List.of("batchSize is " + spec.batchSize() + "; allowed: at most the "
                    + dataset.train().count() + " training images of dataset " + spec.dataset()));
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
    }

    private static double accuracy(int[] predictions, ImageSet images) {
        int correct = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (predictions[i] == images.label(i)) {
                correct++;
            }
        }
        return images.count() == 0 ? 0 : (double) correct / images.count();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
