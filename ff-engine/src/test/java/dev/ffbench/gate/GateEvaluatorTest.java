package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.passed;
import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.Metric;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    private static final Path BASELINE = Path.of("ff-baseline.json");

    private static GateConfig gates(List<Map<String, String>> rules, List<Map<String, String>> ratios,
            String memoryGrowth, boolean failIfNoBaseline) {
        return new GateParameters(rules, ratios, memoryGrowth, null, null, null, failIfNoBaseline).parse(TestCells.NAMES);
    }

    private static ResultsDocument baseline(List<CellRecord> cells) {
        return new ResultsDocument(ResultsDocument.SCHEMA_VERSION, ResultsDocument.BASELINE, "then", cells.size(), List.of(),
                dev.ffbench.results.EnvironmentFingerprint.of(cells), cells);
    }

    @Test
    void anAbsoluteRuleJudgesEverySelectedCellAndNamesValueAndBound() {
        ResultsDocument results = TestCells.results(List.of(
                passed(0, "ff-a", spec("ff-base", 2, 16, 1), 1000, 500, 0.90),
                passed(1, "ff-b", spec("ff-base", 4, 16, 1), 1000, 500, 0.80),
                passed(2, "bp", spec("backprop", 2, 16, 1), 1000, 500, 0.10)));
        GateConfig config = gates(List.of(Map.of("algorithm", "ff-base", "metric", "testAccuracy", "minimum", "0.85")),
                List.of(), null, false);

        GateReport report = GateEvaluator.evaluate(config, results, null, BASELINE);

        assertEquals(2, report.outcomes().size(), "backprop is not selected");
        assertEquals(List.of("[absolute] ff-b: testAccuracy is 80.00 %; allowed: at least 85.00 % (rules[1])"),
                report.violations().stream().map(GateOutcome::detail).toList());
    }

    @Test
    void memoryMayNotGrowByOneByteWithTheDefaultToleranceButMayShrink() {
        CellRecord before = passed(0, "ff-a", spec("ff-base", 2, 16, 1), 1_000_000, 500_000, 0.9);
        CellRecord grown = passed(0, "ff-a", spec("ff-base", 2, 16, 1), 1_000_001, 400_000, 0.9);

        GateReport report = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false), TestCells.results(List.of(grown)),
                baseline(List.of(before)), BASELINE);

        assertEquals(List.of("[baseline] ff-a: trainingPeakBytes is 1,000,001 B, baseline 1,000,000 B (+0.00 %);"
                + " allowed: at most +0.00 % over the baseline"), report.violations().stream().map(GateOutcome::detail).toList());
        GateOutcome violation = report.violations().get(0);
        assertEquals(1_000_001, violation.value());
        assertEquals(1_000_000, violation.comparedWith());

        GateReport tolerant = GateEvaluator.evaluate(gates(List.of(), List.of(), "0.5", false),
                TestCells.results(List.of(grown)), baseline(List.of(before)), BASELINE);
        assertTrue(tolerant.violations().isEmpty(), tolerant.violations().toString());
    }

    @Test
    void aBaselineCellIsMatchedByIdAndADifferentSpecIsNamedInTheOutcome() {
        CellRecord before = passed(0, "ff-a", spec("ff-base", 2, 16, 1), 1_000_000, 500_000, 0.9);
        dev.ffbench.api.ExperimentSpec bigger = dev.ffbench.experiment.SpecResolver.engine().read(
                dev.ffbench.io.Json.write(spec("ff-base", 2, 16, 1)), Map.of("batchSize", "100"));
        CellRecord now = passed(0, "ff-a", bigger, 1_500_000, 500_000, 0.9);

        GateReport report = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false), TestCells.results(List.of(now)),
                baseline(List.of(before)), BASELINE);

        assertEquals(List.of("[baseline] ff-a: trainingPeakBytes is 1,500,000 B, baseline 1,000,000 B (+50.00 %); allowed:"
                + " at most +0.00 % over the baseline; note: the baseline cell's spec differs (batchSize 256 -> 100)"),
                report.violations().stream().map(GateOutcome::detail).toList());
    }

    @Test
    void accuracyIsJudgedOnTheMeanOverSeedsWithASeedNoiseAllowance() {
        List<CellRecord> then = List.of(
                passed(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 1000, 500, 0.90),
                passed(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 1000, 500, 0.86),
                passed(2, "ff-d2-s3", spec("ff-base", 2, 16, 3), 1000, 500, 0.88));
        // one seed drops 5 points, the mean only 1.67: within 1 point + 2 standard errors of seed noise
        List<CellRecord> noisy = List.of(
                passed(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 1000, 500, 0.85),
                passed(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 1000, 500, 0.86),
                passed(2, "ff-d2-s3", spec("ff-base", 2, 16, 3), 1000, 500, 0.88));
        GateReport report = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false), TestCells.results(noisy),
                baseline(then), BASELINE);
        assertTrue(report.violations().isEmpty(), report.violations().toString());
        GateOutcome accuracy = report.outcomes().stream().filter(o -> o.metric() == Metric.TEST_ACCURACY).findFirst().orElseThrow();
        assertEquals("ff-d2 (seeds 1, 2, 3)", accuracy.cell());

        // every seed drops 10 points: far beyond the noise
        List<CellRecord> worse = List.of(
                passed(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 1000, 500, 0.80),
                passed(1, "ff-d2-s2", spec("ff-base", 2, 16, 2), 1000, 500, 0.76),
                passed(2, "ff-d2-s3", spec("ff-base", 2, 16, 3), 1000, 500, 0.78));
        GateReport failed = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false), TestCells.results(worse),
                baseline(then), BASELINE);
        assertEquals(1, failed.violations().size());
        assertEquals("[baseline] ff-d2 (seeds 1, 2, 3): testAccuracy mean is 78.00 %, baseline mean 88.00 % (drop 10.00 points);"
                + " allowed: a drop of at most 4.27 points (1.00 + 3.27 for seed noise); seed noise 3.27 points: 2 standard"
                + " errors of the difference of the means over seeds 1, 2, 3 (standard deviation 2.00 points now, 2.00 in"
                + " the baseline)", failed.violations().get(0).detail());
    }

    @Test
    void speedIsGatedOnlyWhenAskedAndThenOnTheMeanOverSeeds() {
        List<CellRecord> then = List.of(passed(0, "bp-d2-s1", spec("backprop", 2, 16, 1), 1000, 500, 0.9));
        CellRecord slower = passed(0, "bp-d2-s1", spec("backprop", 2, 16, 1), 1000, 500, 0.9);
        CellRecord halfSpeed = new CellRecord(slower.index(), slower.id(), slower.spec(), slower.status(),
                new dev.ffbench.experiment.ExperimentResult(slower.result().schemaVersion(), slower.spec(), TestCells.DATA, 0.9, 0.9,
                        List.of(), slower.result().memory(), 2.0, 0.5, 500, List.of(), null, TestCells.LEARNED,
                        TestCells.ENVIRONMENT, null, null),
                null, null, 3.0);

        GateReport unGated = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false),
                TestCells.results(List.of(halfSpeed)), baseline(then), BASELINE);
        assertTrue(unGated.outcomes().stream().noneMatch(o -> o.metric() == Metric.SAMPLES_PER_SECOND));

        GateReport gated = GateEvaluator.evaluate(new GateParameters(null, null, null, null, null, "20", false).parse(TestCells.NAMES),
                TestCells.results(List.of(halfSpeed)), baseline(then), BASELINE);
        assertEquals(List.of("[baseline] bp-d2 (seed 1): samplesPerSecond mean is 500 samples/s, baseline mean"
                + " 1,000 samples/s (drop 50.00 %); allowed: a drop of at most 20.00 %"),
                gated.violations().stream().map(GateOutcome::detail).toList());
    }

    @Test
    void ratioRulesCompareCellsAtTheSameDepthAndWidth() {
        ResultsDocument results = TestCells.results(List.of(
                passed(0, "ff-d2", spec("ff-base", 2, 16, 1), 400, 100, 0.9),
                passed(1, "ff-d4", spec("ff-base", 4, 16, 1), 900, 100, 0.9),
                passed(2, "ff-d8", spec("ff-base", 8, 16, 1), 900, 100, 0.9),
                passed(3, "bp-d2", spec("backprop", 2, 16, 1), 1000, 100, 0.9),
                passed(4, "bp-d4", spec("backprop", 4, 16, 1), 1000, 100, 0.9),
                passed(5, "bp-d4-w32", spec("backprop", 4, 32, 1), 100, 100, 0.9)));

        GateReport report = GateEvaluator.evaluate(gates(List.of(),
                List.of(Map.of("algorithm", "ff-base", "maximum", "0.5")), null, false), results, null, BASELINE);

        assertEquals(List.of(GateOutcome.Status.PASSED, GateOutcome.Status.FAILED, GateOutcome.Status.SKIPPED),
                report.outcomes().stream().map(GateOutcome::status).toList());
        assertEquals("[ratio] ff-d4 vs bp-d4: trainingPeakBytes ratio is 0.900 (900 B / 1,000 B); allowed: at most 0.500 (ratios[1])",
                report.violations().get(0).detail());
        assertTrue(report.warnings().contains("ff-d8: no backprop cell at depth 8, width 16 with the same data and seed"
                + " to compare with (ratios[1]): skipped"), report.warnings().toString());
    }

    @Test
    void aMissingBaselineSkipsTheRelativeGatesOrFailsWhenRequired() {
        ResultsDocument results = TestCells.results(List.of(passed(0, "ff-a", spec("ff-base", 2, 16, 1), 1000, 500, 0.9)));

        GateReport skipped = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false), results, null, BASELINE);
        assertTrue(skipped.violations().isEmpty());
        assertTrue(skipped.warnings().get(0).startsWith("no baseline file at ff-baseline.json: baseline-relative gates skipped"),
                skipped.warnings().toString());

        GateReport required = GateEvaluator.evaluate(gates(List.of(), List.of(), null, true), results, null, BASELINE);
        assertEquals(List.of("[baseline] no baseline file at ff-baseline.json; failIfNoBaseline requires one: record it with"
                + " mvn ff:baseline"), required.violations().stream().map(GateOutcome::detail).toList());
    }

    @Test
    void anAbsoluteFailureSaysHowToFixItAndDoesNotAdviseANewBaseline() {
        ResultsDocument results = TestCells.results(List.of(
                passed(0, "ff-a", spec("ff-base", 2, 16, 1), 2000, 500, 0.5),
                passed(1, "ff-b", spec("ff-base", 4, 16, 1), 2000, 500, 0.5)));
        GateReport report = GateEvaluator.evaluate(gates(List.of(Map.of("metric", "trainingPeakBytes", "maximum", "1000")),
                List.of(), null, false), results, null, BASELINE);

        assertEquals("2 gate violations (2 gates: 0 passed, 2 failed, 0 skipped):\n"
                + "  [absolute] ff-a: trainingPeakBytes is 2,000 B; allowed: at most 1,000 B (rules[1])\n"
                + "  [absolute] ff-b: trainingPeakBytes is 2,000 B; allowed: at most 1,000 B (rules[1])\n"
                + "An [absolute] rule has its own bound, not the baseline, so mvn ff:baseline does not change it: fix the"
                + " regression, or, if the new numbers are intended, change that rule's minimum or maximum in <rules> of the"
                + " plugin's configuration in the POM (or in -Dff.rules)",
                report.failureMessage("mvn ff:baseline"));
        assertFalse(report.failureMessage("mvn ff:baseline").contains("accept them as the new baseline"));
    }

    @Test
    void eachKindOfViolationGetsItsOwnNextStepAndOnlyTheBaselineOneTheAcceptCommand() {
        CellRecord before = passed(0, "ff-a", spec("ff-base", 2, 16, 1), 1000, 500, 0.5);
        ResultsDocument results = TestCells.results(List.of(
                passed(0, "ff-a", spec("ff-base", 2, 16, 1), 2000, 500, 0.5),
                passed(1, "bp-a", spec("backprop", 2, 16, 1), 2500, 500, 0.5)));
        GateReport mixed = GateEvaluator.evaluate(gates(List.of(Map.of("metric", "testAccuracy", "minimum", "0.9")),
                List.of(Map.of("algorithm", "ff-base", "maximum", "0.5")), null, false), results,
                baseline(List.of(before)), BASELINE);

        List<String> lines = List.of(mixed.failureMessage("mvn ff:baseline -Dff.baseline=b.json").split("\n"));
        assertEquals(List.of(GateKind.ABSOLUTE, GateKind.ABSOLUTE, GateKind.BASELINE, GateKind.RATIO),
                mixed.violations().stream().map(GateOutcome::kind).sorted().toList());
        assertEquals(List.of(
                "For the [baseline] violations: if the new numbers are intended, accept them as the new baseline with:"
                        + " mvn ff:baseline -Dff.baseline=b.json",
                GateReport.ABSOLUTE_ADVICE,
                "A [ratio] rule compares with its reference algorithm, not the baseline, so mvn ff:baseline does not"
                        + " change it: fix the regression, or, if the new ratio is intended, change that ratio's minimum or"
                        + " maximum in <ratios> of the plugin's configuration in the POM (or in -Dff.ratios)"),
                lines.subList(lines.size() - 3, lines.size()));

        GateReport baselineOnly = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false),
                TestCells.results(List.of(results.cells().get(0))), baseline(List.of(before)), BASELINE);
        assertTrue(baselineOnly.failureMessage("mvn ff:baseline").endsWith("\nIf the new numbers are intended, accept them"
                + " as the new baseline with: mvn ff:baseline"), baselineOnly.failureMessage("mvn ff:baseline"));
    }

    @Test
    void badGateParametersAreReportedTogetherNamingEachParameter() {
        GateParameters parameters = new GateParameters(
                List.of(Map.of("metric", "speed", "minimum", "1"), Map.of("metric", "testAccuracy", "minimum", "90"),
                        Map.of("metric", "trainingPeakBytes")),
                List.of(Map.of("algorithm", "backprop", "maximum", "0.5"), Map.of("compact", "algorithm=ff-base;maximum=x")),
                "-1", "lots", null, null, false);

        HarnessException e = assertThrows(HarnessException.class, () -> parameters.parse(TestCells.NAMES));

        assertEquals(List.of(new Problem("rules[1].metric", "speed", String.join(", ", Metric.keys())),
                Problem.found("rules[2]: a testAccuracy bound", "is 90.0", "a fraction from 0 to 1 (0.9 means 90 %)"),
                Problem.found("rules[3]", "has no bound", "a minimum, a maximum or both"),
                Problem.found("ratios[1]", "compares backprop with itself", "a reference other than the algorithm"),
                new Problem("ratios[2].maximum", "x", "a finite number, e.g. 0.5"),
                new Problem("maxMemoryGrowthPercent", "-1", "a number >= 0"),
                new Problem("maxAccuracyDropPoints", "lots", "a finite number, e.g. 0.5")), e.typedProblems());
        // the gate package's rendered wording, pinned once (the ITs quote these sentences through Maven)
        assertEquals(List.of(
                "rules[1].metric is 'speed'; allowed: trainingPeakBytes, evaluationPeakBytes, testAccuracy, trainAccuracy, samplesPerSecond, secondsToAccuracy",
                "rules[2]: a testAccuracy bound is 90.0; allowed: a fraction from 0 to 1 (0.9 means 90 %)",
                "rules[3] has no bound; allowed: a minimum, a maximum or both",
                "ratios[1] compares backprop with itself; allowed: a reference other than the algorithm",
                "ratios[2].maximum is 'x'; allowed: a finite number, e.g. 0.5",
                "maxMemoryGrowthPercent is '-1'; allowed: a number >= 0",
                "maxAccuracyDropPoints is 'lots'; allowed: a finite number, e.g. 0.5"), e.problems());
    }

    @Test
    void aBaselineFromAnotherEnvironmentWarnsAndNewCellsAreNamed() throws Exception {
        CellRecord now = passed(0, "ff-d2", spec("ff-base", 2, 16, 1), 1000, 500, 0.9);
        CellRecord added = passed(1, "ff-d4", spec("ff-base", 4, 16, 1), 1000, 500, 0.9);
        CellRecord then = passed(0, "ff-d2", spec("ff-base", 2, 16, 1), 1000, 500, 0.9);
        dev.ffbench.experiment.RunEnvironment other = new dev.ffbench.experiment.RunEnvironment("21.0.1",
                "OpenJDK 64-Bit Server VM", "Linux", "1.0.0-M2.1", "CPU", "OPENBLAS", "SkylakeX", "Intel Xeon", 2, 1);
        CellRecord elsewhere = new CellRecord(then.index(), then.id(), then.spec(), then.status(),
                new dev.ffbench.experiment.ExperimentResult(then.result().schemaVersion(), then.result().spec(),
                        then.result().dataset(), then.result().trainAccuracy(), then.result().testAccuracy(), then.result().losses(),
                        then.result().memory(), 1, 1, 1, List.of(), null, TestCells.LEARNED, other, null, null), null, null, 1);

        GateReport report = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false),
                TestCells.results(List.of(now, added)), baseline(List.of(elsewhere)), BASELINE);

        assertTrue(report.warnings().contains("the baseline was measured in another environment (java 21.0.1 (baseline)"
                + " vs 17.0.15 (now); OPENBLAS_CORETYPE SkylakeX (baseline) vs Haswell (now); cpu Intel Xeon (baseline) vs"
                + " AMD EPYC (now)): memory bytes compare, speed does not"), report.warnings().toString());
        assertTrue(report.warnings().contains("1 cells have no baseline cell (new cells): ff-d4; record them with"
                + " mvn ff:baseline"), report.warnings().toString());
        assertTrue(report.violations().isEmpty(), "a warning, not a failure");
    }

    @Test
    void noAccuracyGatePassesOnADegenerateCellAndTheCellIsNamedInAWarning() {
        CellRecord collapsed = TestCells.degenerate(0, "ff-d2", spec("ff-base", 2, 16, 1), 0.1002,
                "every unit of layer 1 is dead (outputs 0 for every test image)");
        CellRecord reference = passed(1, "bp-d2", spec("backprop", 2, 16, 1), 2000, 500, 0.9);
        GateReport report = GateEvaluator.evaluate(gates(
                List.of(Map.of("algorithm", "ff-base", "metric", "testAccuracy", "minimum", "0.05"),
                        Map.of("algorithm", "ff-base", "metric", "trainingPeakBytes", "maximum", "5000")),
                List.of(Map.of("algorithm", "ff-base", "metric", "testAccuracy", "minimum", "0.01")), null, false),
                TestCells.results(List.of(collapsed, reference)), null, BASELINE);

        List<GateOutcome> failed = report.violations();
        assertEquals(2, failed.size(), report.outcomes().toString());
        assertEquals("[absolute] ff-d2: testAccuracy is 10.02 %; allowed: at least 5.00 % (rules[1]); but ff-d2's"
                + " predictions are degenerate (every unit of layer 1 is dead (outputs 0 for every test image)): an"
                + " accuracy from a net that did not learn is no pass", failed.get(0).detail());
        assertTrue(failed.get(1).detail().startsWith("[ratio] ff-d2 vs bp-d2: testAccuracy ratio is 0.111"), failed.get(1).detail());
        assertTrue(failed.get(1).detail().endsWith("but ff-d2's predictions are degenerate (every unit of layer 1 is dead"
                + " (outputs 0 for every test image)): an accuracy from a net that did not learn is no pass"), failed.get(1).detail());
        assertTrue(report.outcomes().stream().anyMatch(o -> o.metric() == Metric.TRAINING_PEAK_BYTES
                && o.status() == GateOutcome.Status.PASSED), "a memory gate still judges the bytes");
        assertTrue(report.warnings().contains("ff-d2: the test predictions are degenerate (every unit of layer 1 is dead"
                + " (outputs 0 for every test image)); its accuracy is not a measure of learning"), report.warnings().toString());
    }

    @Test
    void aCellThatLostUnitsIsNamedInAWarningAndOnEveryAccuracyGatePassedOrNot() {
        CellRecord crippled = TestCells.withDeadUnits(0, "ff-d2", spec("ff-base", 2, 16, 1), 0.7588, List.of(0.89, 0.47));
        CellRecord reference = passed(1, "bp-d2", spec("backprop", 2, 16, 1), 2000, 500, 0.884);
        GateReport report = GateEvaluator.evaluate(gates(
                List.of(Map.of("algorithm", "ff-base", "metric", "testAccuracy", "minimum", "0.7"),
                        Map.of("algorithm", "ff-base", "metric", "testAccuracy", "minimum", "0.8"),
                        Map.of("algorithm", "ff-base", "metric", "trainingPeakBytes", "maximum", "5000")),
                List.of(Map.of("algorithm", "ff-base", "metric", "testAccuracy", "minimum", "0.5")), null, false),
                TestCells.results(List.of(crippled, reference)), baseline(List.of(crippled)), BASELINE);

        String note = "; note: ff-d2 has dead units (layer 1: 89.00 % of its units never fired; bound 50 %)";
        List<GateOutcome> accuracy = report.outcomes().stream().filter(o -> o.metric() == Metric.TEST_ACCURACY).toList();
        assertEquals(4, accuracy.size(), accuracy.toString()); // two absolute, one ratio, one baseline
        assertEquals("[absolute] ff-d2: testAccuracy is 75.88 %; allowed: at least 70.00 % (rules[1])" + note,
                accuracy.get(0).detail());
        assertEquals(GateOutcome.Status.PASSED, accuracy.get(0).status(), "the accuracy is real: not vetoed");
        assertEquals(GateOutcome.Status.FAILED, accuracy.get(1).status());
        assertTrue(accuracy.stream().allMatch(o -> o.detail().endsWith(note)), accuracy.toString());
        assertTrue(report.outcomes().stream().filter(o -> o.metric() == Metric.TRAINING_PEAK_BYTES)
                .noneMatch(o -> o.detail().contains("dead units")), "memory gates are not about units");
        assertTrue(report.warnings().contains("ff-d2: dead units on the test split (layer 1: 89.00 % of its units never"
                + " fired; the bound is 50 % of a layer): its accuracy is that of a net that lost those units (dying ReLUs)"),
                report.warnings().toString());
    }

    @Test
    void aBaselineAccuracyGateFailsWhenACellStopsLearningAndIsSkippedWhenNeitherSideLearned() {
        String reason = "test accuracy 10.00 % is not above chance (11.00 %, the most frequent class's share of the test split)";
        CellRecord learned = passed(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 1000, 500, 0.9);
        CellRecord collapsed = TestCells.degenerate(0, "ff-d2-s1", spec("ff-base", 2, 16, 1), 0.1, reason);

        GateReport regression = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false),
                TestCells.results(List.of(collapsed)), baseline(List.of(learned)), BASELINE);
        GateOutcome accuracy = regression.outcomes().stream().filter(o -> o.metric() == Metric.TEST_ACCURACY).findFirst().orElseThrow();
        assertEquals(GateOutcome.Status.FAILED, accuracy.status());
        assertTrue(accuracy.detail().endsWith("but ff-d2-s1's predictions are degenerate (" + reason + "): an accuracy from a"
                + " net that did not learn is no pass (the baseline's were not)"), accuracy.detail());
        // a new baseline would record a net that did not learn: the advice says to fix the model instead
        String message = regression.failureMessage("mvn ff:baseline");
        assertFalse(message.contains("accept them as the new baseline"), message);
        assertTrue(message.endsWith("\n" + GateReport.VETO_ADVICE), message);

        GateReport neither = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false),
                TestCells.results(List.of(collapsed)), baseline(List.of(collapsed)), BASELINE);
        accuracy = neither.outcomes().stream().filter(o -> o.metric() == Metric.TEST_ACCURACY).findFirst().orElseThrow();
        assertEquals(GateOutcome.Status.SKIPPED, accuracy.status());
        assertTrue(accuracy.detail().endsWith("not compared: the predictions of this run and of the baseline are degenerate"
                + " (ff-d2 (seed 1)), so neither accuracy is a measure of learning"), accuracy.detail());
    }
    @Test
    void aRuleWhoseCellsAllFailedIsAFailedGateNotASkippedOne() {
        ResultsDocument results = TestCells.results(List.of(
                TestCells.failed(0, "bp-d1", spec("backprop", 1, 16, 1), "the JVM crashed"),
                passed(1, "ff-d2", spec("ff-base", 2, 16, 1), 1000, 500, 0.9),
                TestCells.failed(2, "bp-d2", spec("backprop", 2, 16, 1), "timed out")));
        GateReport report = GateEvaluator.evaluate(gates(List.of(Map.of("algorithm", "backprop", "metric", "testAccuracy",
                "minimum", "0.5")), List.of(Map.of("algorithm", "ff-base", "maximum", "0.5")), null, false), results, null,
                BASELINE);

        assertEquals(List.of(
                "[absolute] rules[1] (algorithm=backprop, testAccuracy at least 50.00 %) judged nothing: every cell it"
                        + " selects failed (bp-d1, bp-d2)",
                "[ratio] ratios[1] (ff-base vs backprop, all cells) judged no pair: every pair it selects has a failed cell"
                        + " (ff-d2 vs bp-d2 (bp-d2 failed))"),
                report.violations().stream().map(GateOutcome::detail).toList());
    }

    @Test
    void aBaselineThatSharesNoCellWithTheResultsIsAFailedGate() {
        CellRecord other = passed(0, "ff-d8", spec("ff-base", 8, 16, 1), 1000, 500, 0.9);
        ResultsDocument results = TestCells.results(List.of(passed(0, "ff-d2", spec("ff-base", 2, 16, 1), 1000, 500, 0.9),
                passed(1, "bp-d2", spec("backprop", 2, 16, 1), 1000, 500, 0.9)));

        GateReport report = GateEvaluator.evaluate(gates(List.of(), List.of(), null, false), results,
                baseline(List.of(other)), BASELINE);

        assertEquals(List.of("[baseline] none of the 2 passed cells (ff-d2, bp-d2) has a cell in the baseline"
                + " ff-baseline.json (its cells: ff-d8), so the baseline gates judged nothing; allowed: a baseline recorded"
                + " from this matrix (cells are matched by id)"), report.violations().stream().map(GateOutcome::detail).toList());
        assertTrue(report.failureMessage("mvn ff:baseline").endsWith("accept them as the new baseline with: mvn ff:baseline"),
                "a new baseline is the fix");
    }

    /**
     * Issue 13, kind 6: the baseline's samples/s are doubled and its CPU model is another; with a speed
     * bound of 10 % the speed gate is skipped with that reason, and a memory gate still fails.
     */
    @Test
    void speedIsNotComparedWithABaselineFromAnotherEnvironmentButMemoryIs() {
        CellRecord now = passed(0, "bp-d1", spec("backprop", 1, 16, 1), 2000, 500, 0.9);
        CellRecord then = passed(0, "bp-d1", spec("backprop", 1, 16, 1), 1000, 500, 0.9);
        dev.ffbench.experiment.RunEnvironment otherCpu = new dev.ffbench.experiment.RunEnvironment("17.0.15",
                "OpenJDK 64-Bit Server VM", "Linux", "1.0.0-M2.1", "CPU", "OPENBLAS", "Haswell", "Intel Xeon", 2, 1);
        CellRecord faster = new CellRecord(then.index(), then.id(), then.spec(), then.status(),
                new dev.ffbench.experiment.ExperimentResult(then.result().schemaVersion(), then.result().spec(),
                        then.result().dataset(), then.result().trainAccuracy(), then.result().testAccuracy(),
                        then.result().losses(), then.result().memory(), 1, 1, 2 * now.result().samplesPerSecond(), List.of(),
                        null, TestCells.LEARNED, otherCpu, null, null), null, null, 1);
        GateConfig config = new GateParameters(null, null, null, null, null, "10", false).parse(TestCells.NAMES);

        GateReport report = GateEvaluator.evaluate(config, TestCells.results(List.of(now)), baseline(List.of(faster)), BASELINE);

        GateOutcome speed = report.outcomes().stream().filter(o -> o.metric() == Metric.SAMPLES_PER_SECOND).findFirst().orElseThrow();
        assertEquals(GateOutcome.Status.SKIPPED, speed.status());
        assertEquals("[baseline] bp-d1 (seed 1): samplesPerSecond mean is 1,000 samples/s, baseline mean 2,000 samples/s"
                + " (drop 50.00 %); allowed: a drop of at most 10.00 %; not compared: the baseline was measured in another"
                + " environment (cpu Intel Xeon (baseline) vs AMD EPYC (now)), where speed differs (memory and accuracy"
                + " gates still apply); record the baseline in this environment to gate speed (mvn ff:baseline)", speed.detail());
        assertEquals(List.of("[baseline] bp-d1: trainingPeakBytes is 2,000 B, baseline 1,000 B (+100.00 %); allowed: at most"
                + " +0.00 % over the baseline"), report.violations().stream().map(GateOutcome::detail).toList());
        assertTrue(report.warnings().contains("the baseline was measured in another environment (cpu Intel Xeon (baseline) vs"
                + " AMD EPYC (now)): memory bytes compare, speed does not, so the speed gates (maxSpeedDropPercent) are"
                + " skipped"), report.warnings().toString());
        BaselineComparison comparison = BaselineComparison.of(config.tolerance(), TestCells.results(List.of(now)),
                baseline(List.of(faster)), "ff-baseline.json");
        assertFalse(comparison.rows().get(0).regressed().contains(Metric.SAMPLES_PER_SECOND), "the table agrees with the gate");
    }

    @Test
    void resultsThatHoldPartOfTheMatrixAreNamedInAWarningAndWhatTheyLackIsSkipped() {
        CellRecord cell = passed(0, "bp-d1", spec("backprop", 1, 16, 1), 1000, 500, 0.9);
        ResultsDocument shard = ResultsDocument.results("now", 2, List.of("1/2"), List.of(cell));

        GateReport report = GateEvaluator.evaluate(gates(List.of(Map.of("depth", "2", "metric", "testAccuracy",
                "minimum", "0.5")), List.of(), null, false), shard, null, BASELINE);

        assertEquals(List.of(GateOutcome.Status.SKIPPED), report.outcomes().stream().map(GateOutcome::status).toList());
        assertEquals("the results hold 1 of the matrix's 2 cells (shard 1/2; missing: shard 2/2): the gates judge only the"
                + " cells present, and the missing cells pass no gate", report.warnings().get(0));
        assertTrue(report.warnings().contains("rules[1] (depth=2, testAccuracy at least 50.00 %) selects none of the cells"
                + " present: skipped"), report.warnings().toString());
    }

    /** Issue 13, kind 4: a bound that can never trip is an error stating the allowed range, as is a rule given twice. */
    @Test
    void aToleranceOrBoundThatCanNeverFailIsAnError() {
        GateParameters parameters = new GateParameters(
                List.of(Map.of("metric", "testAccuracy", "minimum", "0"), Map.of("metric", "trainAccuracy", "maximum", "1.0"),
                        Map.of("metric", "trainingPeakBytes", "minimum", "0", "maximum", "5"),
                        Map.of("metric", "testAccuracy", "minimum", "0")),
                List.of(Map.of("algorithm", "ff-base", "minimum", "0")),
                "1000", "100", "3", "200", false);

        HarnessException e = assertThrows(HarnessException.class, () -> parameters.parse(TestCells.NAMES));

        String samplesPerSecond = "a number >= 0 and below 100 (samples/s cannot drop by 100 % or more, so a bound of"
                + " 100 or more never fails)";
        assertEquals(List.of(
                new Problem("rules[1].minimum", "0", "a minimum above 0, up to 1", "which never fails: testAccuracy is never below 0"),
                new Problem("rules[2].maximum", "1.0", "a maximum from 0 to below 1",
                        "which never fails: trainAccuracy is never above 1 (100 %)"),
                new Problem("rules[3].minimum", "0", "a minimum above 0", "which never fails: trainingPeakBytes is never below 0"),
                new Problem("rules[4].minimum", "0", "a minimum above 0, up to 1", "which never fails: testAccuracy is never below 0"),
                new Problem("ratios[1].minimum", "0", "a minimum above 0",
                        "which never fails: a ratio of trainingPeakBytes is never below 0"),
                new Problem("maxAccuracyDropPoints", "100", "a number >= 0 and below 100 (an accuracy cannot drop by more"
                        + " than 100 points, so a bound of 100 or more never fails)"),
                new Problem("maxSpeedDropPercent", "200", samplesPerSecond),
                Problem.found("rules[4]", "is the same as rules[1]", "each rule once")), e.typedProblems());
    }
}
