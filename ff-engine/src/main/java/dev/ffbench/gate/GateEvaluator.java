package dev.ffbench.gate;

import dev.ffbench.results.CellRecord;
import dev.ffbench.results.EnvironmentFingerprint;
import dev.ffbench.results.ResultsDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Judges every gate of a {@link GateConfig} on a set of cells; pure: nothing is written or thrown. */
public final class GateEvaluator {
    private GateEvaluator() {}

    /**
     * @param baseline the baseline document, or null when {@code baselineFile} does not exist
     * @param baselineFile where the baseline was looked for (named in warnings and failures)
     */
    public static GateReport evaluate(GateConfig config, ResultsDocument results, ResultsDocument baseline,
            Path baselineFile) {
        return evaluate(config, results, baseline, String.valueOf(baselineFile));
    }

    /**
     * Judges every gate; a missing baseline is named as {@code baselineSource} in the warning or
     * the failure it causes.
     *
     * @param baseline the baseline document, or null when there is none
     * @param baselineSource how the baseline is named in warnings and failures (e.g. relative to the project)
     */
    public static GateReport evaluate(GateConfig config, ResultsDocument results, ResultsDocument baseline,
            String baselineSource) {
        List<GateOutcome> outcomes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<CellRecord> cells = results.cells();
        if (!results.isComplete()) {
            warnings.add("the results hold " + results.coverage() + ": the gates judge only the cells present,"
                    + " and the missing cells pass no gate");
        }
        warnings.addAll(CellWarnings.all(cells));
        AbsoluteGates.evaluate(config.rules(), cells, outcomes, warnings);
        RatioGates.evaluate(config.ratios(), cells, outcomes, warnings);
        if (baseline == null) {
            String missing = "no baseline file at " + baselineSource;
            if (config.failIfNoBaseline()) {
                outcomes.add(new GateOutcome(GateKind.BASELINE, "baseline", null, "a baseline file must exist", null, null,
                        GateOutcome.Status.FAILED, "[baseline] " + missing
                                + "; failIfNoBaseline requires one: record it with mvn ff:baseline"));
            } else {
                warnings.add(missing + ": baseline-relative gates skipped (record one with mvn ff:baseline;"
                        + " -Dff.failIfNoBaseline=true makes a missing baseline fail the build)");
            }
        } else {
            EnvironmentFingerprint now = results.fingerprint();
            List<String> differences = List.of();
            if (now != null && baseline.fingerprint() != null) {
                differences = now.differencesFrom(baseline.fingerprint());
                if (!differences.isEmpty()) {
                    warnings.add("the baseline was measured in another environment (" + String.join("; ", differences)
                            + "): memory bytes compare, speed does not"
                            + (config.tolerance().maxSpeedDropPercent() == null ? ""
                                    : ", so the speed gates (maxSpeedDropPercent) are skipped"));
                }
            }
            BaselineGates.evaluate(config.tolerance(), cells, baseline.cells(), baselineSource, differences, outcomes,
                    warnings);
        }
        return new GateReport(outcomes, warnings);
    }
}
