package dev.ffbench.gate;

import static dev.ffbench.results.TestCells.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.TestCells;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, kind 1: a gate that could judge nothing is a configuration error before any cell runs. */
class GateCoverageTest {
    /** The BASE matrix: one backprop cell, depth 1, width 16. */
    private static final List<Cell> BASE = List.of(new Cell(0, "backprop-d1-w16-s1", spec("backprop", 1, 16, 1)));

    private static GateConfig gates(List<Map<String, String>> rules, List<Map<String, String>> ratios) {
        return new GateParameters(rules, ratios, null, null, null, null, false).parse(TestCells.NAMES);
    }

    private static ExperimentSpec withTarget(ExperimentSpec spec) {
        return SpecResolver.engine().read(Json.write(spec), Map.of("targetAccuracy", "0.9"));
    }

    private static final String SELECT_ONE = "a selection that matches at least one cell, since a rule that selects none"
            + " would pass without judging anything";

    /** The rendered sentence, pinned once: users read it. */
    @Test
    void aRuleWhoseSelectionMatchesNoCellOfTheMatrixIsNamedWithWhatTheMatrixHas() {
        GateConfig config = gates(List.of(Map.of("depth", "7", "metric", "testAccuracy", "minimum", "0.99"),
                Map.of("algorithm", "ff-base,backprop", "depth", "1", "metric", "trainingPeakBytes", "maximum", "1000000")),
                List.of());

        assertEquals(List.of("rules[1] (depth=7, testAccuracy at least 99.00 %) selects no cell of the matrix (the matrix's 1"
                + " cell has depth 1); allowed: a selection that matches at least one cell, since a rule that selects none"
                + " would pass without judging anything"), GateCoverage.check(config, BASE, true).stream().map(Problem::message).toList());
    }

    @Test
    void aSelectionOfSeveralFieldsListsWhatTheMatrixHasOfEach() {
        List<Cell> matrix = List.of(new Cell(0, "ff-d2", spec("ff-base", 2, 16, 1)), new Cell(1, "bp-d4", spec("backprop", 4, 16, 1)));
        GateConfig config = gates(List.of(Map.of("algorithm", "ff-base", "depth", "4", "metric", "testAccuracy",
                "minimum", "0.5")), List.of());

        assertEquals(List.of(Problem.found("rules[1] (algorithm=ff-base depth=4, testAccuracy at least 50.00 %)",
                "selects no cell of the matrix (the matrix's 2 cells have algorithm ff-base, backprop; depth 2, 4)",
                SELECT_ONE)), GateCoverage.check(config, matrix, true));
    }

    @Test
    void aRatioWithoutItsAlgorithmOrWithoutALikeForLikeReferenceIsAnError() {
        List<Cell> matrix = List.of(new Cell(0, "ff-d2", spec("ff-base", 2, 16, 1)), new Cell(1, "bp-d1", spec("backprop", 1, 16, 1)));
        GateConfig config = gates(List.of(), List.of(Map.of("algorithm", "ff-recurrent", "maximum", "0.5"),
                Map.of("algorithm", "ff-base", "maximum", "0.5")));

        assertEquals(List.of(
                Problem.found("ratios[1] (ff-recurrent vs backprop, all cells, trainingPeakBytes at most 0.500 x backprop)",
                        "selects no ff-recurrent cell of the matrix (the matrix's 2 cells have algorithm ff-base, backprop)",
                        "a ratio whose algorithm and selection match at least one cell, since a ratio that judges no pair"
                        + " would pass without judging anything"),
                Problem.found("ratios[2] (ff-base vs backprop, all cells, trainingPeakBytes at most 0.500 x backprop)",
                        "pairs none of its ff-base cells (ff-d2) with a backprop cell: the matrix has no backprop cell with the"
                        + " same dataset, depth, width, epochs, batchSize, maxStepsPerEpoch, optimizer, threads, seed (its"
                        + " backprop cells: bp-d1)", "a ratio with at least one like-for-like pair in the matrix, since a"
                        + " ratio that judges no pair would pass without judging anything")),
                GateCoverage.check(config, matrix, true));
    }

    @Test
    void secondsToAccuracyNeedsATargetAccuracyOnEveryCellItJudges() {
        GateConfig config = gates(List.of(Map.of("metric", "secondsToAccuracy", "maximum", "10")),
                List.of(Map.of("algorithm", "ff-base", "metric", "secondsToAccuracy", "maximum", "2")));
        List<Cell> without = List.of(new Cell(0, "ff-d2", spec("ff-base", 2, 16, 1)), new Cell(1, "bp-d2", spec("backprop", 2, 16, 1)));

        String target = "a targetAccuracy for every cell it judges (e.g. settings: targetAccuracy=0.9, with evaluateEvery=1"
                + " for a finer curve), or a selection of cells that have one";
        assertEquals(List.of(
                Problem.found("rules[1] (all cells, secondsToAccuracy at most 10.00 s)", "selects cells without a"
                        + " targetAccuracy (ff-d2, bp-d2), whose secondsToAccuracy is never measured", target),
                Problem.found("ratios[1] (ff-base vs backprop, all cells, secondsToAccuracy at most 2.000 x backprop)",
                        "compares cells without a targetAccuracy (ff-d2, bp-d2), whose secondsToAccuracy is never measured",
                        target)),
                GateCoverage.check(config, without, true));

        List<Cell> with = List.of(new Cell(0, "ff-d2", withTarget(spec("ff-base", 2, 16, 1))),
                new Cell(1, "bp-d2", withTarget(spec("backprop", 2, 16, 1))));
        assertEquals(List.of(), GateCoverage.check(config, with, true));
    }

    @Test
    void resultsThatHoldPartOfTheMatrixOnPurposeMayLackWhatARuleSelects() {
        GateConfig config = gates(List.of(Map.of("depth", "7", "metric", "testAccuracy", "minimum", "0.99")),
                List.of(Map.of("algorithm", "ff-base", "maximum", "0.5")));

        assertEquals(List.of(), GateCoverage.check(config, BASE, false));
    }
}
