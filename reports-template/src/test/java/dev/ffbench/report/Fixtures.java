package dev.ffbench.report;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.dataset.DatasetFile;
import dev.ffbench.dataset.DatasetFingerprint;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.experiment.CurvePoint;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.EvaluationDiagnostics;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.RunEnvironment;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.matrix.Cell;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.MemoryLedger;
import dev.ffbench.memory.PhaseMemory;
import dev.ffbench.results.CellRecord;
import java.util.List;
import java.util.Map;

/** Hand-made results with known numbers. */
final class Fixtures {
    private Fixtures() {}

    static final RunEnvironment ENV = new RunEnvironment("17.0.9", "OpenJDK 64-Bit Server VM 17.0.9", "Linux 6.1 amd64",
            "1.0.0-M2.1", "CPU", "OPENBLAS", "Haswell", "Test CPU @ 2.0GHz", 2, 1);

    /** mnist-sample's shape and K; a made-up hash. */
    static final DatasetSummary MNIST_SAMPLE = new DatasetSummary(8004, 1996, 28, 28, 1, 10,
            new DatasetFingerprint(List.of(new DatasetFile("train-images-idx3-ubyte.gz", 1_000_000)), "sha256:" + "b".repeat(64)));

    static ExperimentSpec spec(String algorithm, int depth, int width, long seed) {
        return SpecResolver.engine().resolve(Map.of("algorithm", algorithm, "dataset", "mnist-sample",
                "depth", String.valueOf(depth), "width", String.valueOf(width), "epochs", "2", "seed", String.valueOf(seed),
                "maxStepsPerEpoch", "0", "batchSize", "256"));
    }

    static String id(ExperimentSpec s) {
        return s.algorithm() + (s.goodness() != null ? "-" + s.goodness() : "") + "-d" + s.depth() + "-w"
                + s.width() + "-s" + s.seed();
    }

    /** A passed cell: training peak = {@code trainingBytes} (split 10/10/20/60 %), evaluation half of it. */
    static CellRecord passed(int index, ExperimentSpec spec, long trainingBytes, double testAccuracy, double samplesPerSecond) {
        return passed(index, spec, trainingBytes, trainingBytes / 2, testAccuracy, samplesPerSecond);
    }

    /** A passed cell with its own evaluation peak (parameters a tenth of the training peak, the rest transient). */
    static CellRecord passed(int index, ExperimentSpec spec, long trainingBytes, long evaluationBytes, double testAccuracy,
            double samplesPerSecond) {
        MemoryBreakdown training = new MemoryBreakdown(trainingBytes / 10, trainingBytes / 10, trainingBytes / 5,
                trainingBytes - trainingBytes / 10 * 2 - trainingBytes / 5);
        MemoryBreakdown evaluation = new MemoryBreakdown(trainingBytes / 10, 0, 0, evaluationBytes - trainingBytes / 10);
        MemoryLedger ledger = new MemoryLedger(training, evaluation, List.of(new PhaseMemory("layer 1", training)),
                1000, 100_000_000);
        ExperimentResult result = new ExperimentResult(ExperimentResult.SCHEMA_VERSION, spec, MNIST_SAMPLE, testAccuracy, testAccuracy,
                List.of(new EpochLoss(1, 1, 0.5)), ledger, 2.5, 0.5, samplesPerSecond,
                List.of(new CurvePoint(spec.epochs(), 2.5, testAccuracy)), null, new EvaluationDiagnostics(0, 0.2, 0.11, List.of(), List.of()), ENV,
                dev.ffbench.experiment.Extensions.engine().algorithm(spec.algorithm()).traits(spec), null);
        return CellRecord.passed(new Cell(index, id(spec), spec), result, 3.0);
    }

    static CellRecord failed(int index, ExperimentSpec spec, String reason, List<String> tail) {
        return CellRecord.failed(new Cell(index, id(spec), spec), reason, tail, 1.5);
    }
}
