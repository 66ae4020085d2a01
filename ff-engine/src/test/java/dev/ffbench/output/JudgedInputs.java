package dev.ffbench.output;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.gate.GateReport;
import dev.ffbench.gate.Verdict;
import dev.ffbench.io.ProjectPaths;
import dev.ffbench.results.OutputLayout;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.nio.file.Path;

/** Report inputs judged as the harness judges them, against a baseline, with fixed commits (head 1a2b3c4, baseline 9f8e7d6). */
final class JudgedInputs {
    private static final Path PROJECT = Path.of("/work/project");

    private JudgedInputs() {}

    static ReportInputs of(GateParameters parameters, ResultsDocument results, ResultsDocument baseline) {
        GateConfig config = parameters.parse(TestCells.NAMES);
        GateReport gates = GateEvaluator.evaluate(config, results, baseline, "ff-baseline.json");
        BaselineComparison comparison = BaselineComparison.of(config.tolerance(), results, baseline, "ff-baseline.json");
        return new ReportInputs(results, gates, new OutputLayout(PROJECT.resolve("target/ff-benchmark")),
                new ProjectPaths(PROJECT), new Baseline(baseline, "ff-baseline.json"), null, comparison,
                History.none(PROJECT.resolve("ff-history"), "ff-history"), config.gatedMetrics(),
                Verdict.of(gates, results.failedCells().size(), comparison, config.failOnViolation(), "1a2b3c4", "9f8e7d6"));
    }
}
