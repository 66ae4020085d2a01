package dev.ffbench.results;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.dataset.DatasetFingerprint;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.experiment.CurvePoint;
import dev.ffbench.experiment.EvaluationDiagnostics;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.RunEnvironment;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.Json;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.KnownNames;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.MemoryLedger;
import dev.ffbench.memory.PhaseMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made cell records for testing gate and results logic without training anything. */
public final class TestCells {
    public static final RunEnvironment ENVIRONMENT = new RunEnvironment("17.0.15", "OpenJDK 64-Bit Server VM", "Linux",
            "1.0.0-M2.1", "CPU", "OPENBLAS", "Haswell", "AMD EPYC", 2, 1);

    /** The data of every hand-made passed cell: synthetic:7:400:100's shape and K, a made-up hash. */
    public static final DatasetSummary DATA = data("sha256:" + "a".repeat(64));

    /** The names the engine itself provides, for parsing gate parameters. */
    public static final KnownNames NAMES = KnownNames.of(Extensions.engine());

    /** Test predictions that show learning: no ties, a tenth per label, chance 10 %. */
    public static final EvaluationDiagnostics LEARNED = new EvaluationDiagnostics(0, 0.1, 0.1, List.of(), List.of());

    private TestCells() {}

    public static ExperimentSpec spec(String algorithm, int depth, int width, long seed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("algorithm", algorithm);
        fields.put("depth", String.valueOf(depth));
        fields.put("width", String.valueOf(width));
        fields.put("seed", String.valueOf(seed));
        fields.put("dataset", "synthetic:7:400:100");
        // one batch size for every algorithm, as a plugin matrix has: FF and backprop cells pair up in ratio gates
        fields.put("batchSize", "256");
        return SpecResolver.engine().resolve(fields);
    }

    /** A passed cell whose training peak is {@code trainingPeak} bytes (all parameters) and evaluation peak {@code evaluationPeak}. */
    public static CellRecord passed(int index, String id, ExperimentSpec spec, long trainingPeak, long evaluationPeak,
            double testAccuracy) {
        MemoryBreakdown training = new MemoryBreakdown(trainingPeak / 2, trainingPeak / 4, 0, trainingPeak - trainingPeak / 2 - trainingPeak / 4);
        MemoryBreakdown evaluation = new MemoryBreakdown(evaluationPeak, 0, 0, 0);
        MemoryLedger ledger = new MemoryLedger(training, evaluation, List.of(new PhaseMemory("all layers", training)), 1000, -1);
        ExperimentResult result = new ExperimentResult(ExperimentResult.SCHEMA_VERSION, spec, DATA, testAccuracy, testAccuracy,
                List.of(), ledger, 1.0, 0.5, 1000, List.of(new CurvePoint(spec.epochs(), 1.0, testAccuracy)), null,
                LEARNED, ENVIRONMENT, null, null);
        return CellRecord.passed(new Cell(index, id, spec), result, 3.0);
    }

    /** A passed cell whose test predictions are degenerate for {@code reason}. */
    public static CellRecord degenerate(int index, String id, ExperimentSpec spec, double testAccuracy, String reason) {
        CellRecord cell = passed(index, id, spec, 1000, 500, testAccuracy);
        ExperimentResult r = cell.result();
        ExperimentResult degenerate = new ExperimentResult(r.schemaVersion(), r.spec(), r.dataset(), r.trainAccuracy(), r.testAccuracy(),
                r.losses(), r.memory(), r.trainSeconds(), r.evalSeconds(), r.samplesPerSecond(), r.curve(),
                r.secondsToAccuracy(), new EvaluationDiagnostics(1.0, 0.0, 0.11, List.of(1.0, 0.5), List.of(reason)), r.environment(), null, null);
        return CellRecord.passed(new Cell(index, id, spec), degenerate, cell.wallSeconds());
    }

    /** A passed cell that learned but whose layers lost {@code deadUnitFractions} of their units. */
    public static CellRecord withDeadUnits(int index, String id, ExperimentSpec spec, double testAccuracy,
            List<Double> deadUnitFractions) {
        CellRecord cell = passed(index, id, spec, 1000, 500, testAccuracy);
        ExperimentResult r = cell.result();
        ExperimentResult result = new ExperimentResult(r.schemaVersion(), r.spec(), r.dataset(), r.trainAccuracy(), r.testAccuracy(),
                r.losses(), r.memory(), r.trainSeconds(), r.evalSeconds(), r.samplesPerSecond(), r.curve(),
                r.secondsToAccuracy(), new EvaluationDiagnostics(0, 0.1, 0.1, deadUnitFractions, List.of()), r.environment(), null, null);
        return CellRecord.passed(new Cell(index, id, spec), result, cell.wallSeconds());
    }

    /** A summary of synthetic:7:400:100's shape whose content hash is {@code contentHash}. */
    public static DatasetSummary data(String contentHash) {
        return new DatasetSummary(400, 100, 28, 28, 1, 10, new DatasetFingerprint(List.of(), contentHash));
    }

    /** {@code cell} as if measured on data {@code data} (null: a result recorded before results had a dataset section). */
    public static CellRecord withData(CellRecord cell, DatasetSummary data) {
        ExperimentResult r = cell.result();
        ExperimentResult result = new ExperimentResult(r.schemaVersion(), r.spec(), data, r.trainAccuracy(), r.testAccuracy(),
                r.losses(), r.memory(), r.trainSeconds(), r.evalSeconds(), r.samplesPerSecond(), r.curve(),
                r.secondsToAccuracy(), r.evaluation(), r.environment(), null, null);
        return new CellRecord(cell.index(), cell.id(), cell.spec(), cell.status(), result, cell.failure(), cell.logTail(),
                cell.wallSeconds());
    }

    public static CellRecord failed(int index, String id, ExperimentSpec spec, String reason) {
        return CellRecord.failed(new Cell(index, id, spec), reason, List.of("last line"), 1.0);
    }

    public static ResultsDocument results(List<CellRecord> cells) {
        return ResultsDocument.results("2026-01-01T00:00:00Z", cells.size(), List.of(), cells);
    }
}
