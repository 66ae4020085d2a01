package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.goodness.GoodnessFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixExpanderTest {
    @TempDir
    Path dir;

    private List<Cell> expand(MatrixParameters parameters) {
        return MatrixExpander.expand(parameters, dir);
    }

    private static MatrixParameters small() {
        return MatrixParameters.defaults().withRun("synthetic:7:400:100", "1", "50", "3");
    }

    @Test
    void theDefaultMatrixRunsEveryEngineAlgorithmAtEveryDefaultDepthAndWidthOnMnistSample() {
        List<Cell> cells = expand(MatrixParameters.defaults());

        assertEquals(ExperimentSpec.ALGORITHMS.size() * DefaultMatrix.DEPTHS.size() * DefaultMatrix.WIDTHS.size(), cells.size());
        for (String algorithm : ExperimentSpec.ALGORITHMS) {
            for (int depth : DefaultMatrix.DEPTHS) {
                for (int width : DefaultMatrix.WIDTHS) {
                    assertTrue(cells.stream().anyMatch(c -> c.spec().algorithm().equals(algorithm)
                            && c.spec().depth() == depth && c.spec().width() == width), algorithm + " " + depth + " " + width);
                }
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            assertEquals(i, cell.index());
            assertEquals("mnist-sample", cell.spec().dataset());
            assertEquals(DefaultMatrix.EPOCHS, cell.spec().epochs());
            assertEquals(DefaultMatrix.MAX_STEPS_PER_EPOCH, cell.spec().maxStepsPerEpoch());
            assertTrue(cell.spec().problems().isEmpty(), cell.spec().problems().toString());
        }
        assertEquals("ff-base-sum-squares-d" + DefaultMatrix.DEPTHS.get(0) + "-w" + DefaultMatrix.WIDTHS.get(0) + "-s1", cells.get(0).id());
    }

    @Test
    void goodnessMultipliesTheFfCellsButNotBackprop() {
        List<String> goodness = GoodnessFunctions.names().subList(0, 2);
        List<Cell> cells = expand(small().withAlgorithms("ff-base", "backprop").withDepths("2").withWidths("16", "32")
                .withGoodness(goodness.toArray(String[]::new)).withSeeds("1", "2"));

        assertEquals(2 * 2 * 2 + 2 * 2, cells.size(), "ff-base: goodness x widths x seeds; backprop: widths x seeds");
        assertEquals(List.of(
                "ff-base-" + goodness.get(0) + "-d2-w16-s1", "ff-base-" + goodness.get(0) + "-d2-w16-s2",
                "ff-base-" + goodness.get(0) + "-d2-w32-s1", "ff-base-" + goodness.get(0) + "-d2-w32-s2",
                "ff-base-" + goodness.get(1) + "-d2-w16-s1", "ff-base-" + goodness.get(1) + "-d2-w16-s2",
                "ff-base-" + goodness.get(1) + "-d2-w32-s1", "ff-base-" + goodness.get(1) + "-d2-w32-s2",
                "backprop-d2-w16-s1", "backprop-d2-w16-s2", "backprop-d2-w32-s1", "backprop-d2-w32-s2"),
                cells.stream().map(Cell::id).toList());
        Cell first = cells.get(0);
        assertEquals(50, first.spec().batchSize());
        assertEquals(3, first.spec().maxStepsPerEpoch());
        assertEquals("synthetic:7:400:100", first.spec().dataset());
    }

    @Test
    void includesExcludesAndExtraCellsShapeTheMatrix() {
        MatrixParameters parameters = small().withAlgorithms("ff-base", "backprop").withDepths("2", "4").withWidths("16")
                .withSelectors(
                        List.of(Map.of("depth", "2")),
                        List.of(Map.of("compact", "algorithm=backprop")),
                        List.of(Map.of("depth", "8", "algorithm", "backprop"), Map.of("depth", "2", "algorithm", "ff-base")));

        List<String> ids = expand(parameters).stream().map(Cell::id).toList();

        // product: 4 cells; includes keep depth 2 (2 cells); excludes drop backprop (1 left); extra cells
        // add backprop at depth 8, and ff-base at depth 2 again, which is a duplicate and runs once
        assertEquals(List.of("ff-base-sum-squares-d2-w16-s1", "backprop-d8-w16-s1"), ids);
    }

    @Test
    void settingsReachEveryCellAndAreCheckedAgainstTheSpec() {
        List<Cell> cells = expand(small().withAlgorithms("ff-base").withDepths("2").withWidths("16")
                .withSettings("finishedLayerKeeps=all"));
        assertEquals("all", cells.get(0).spec().finishedLayerKeeps());

        HarnessException e = assertThrows(HarnessException.class, () -> expand(small().withSettings("depth=3", "noSuchField=1")));
        assertTrue(e.getMessage().contains("settings: 'depth=3' sets depth, which is a matrix parameter"), e.getMessage());
        assertTrue(e.getMessage().contains("noSuchField"), e.getMessage());
    }

    @Test
    void anEmptyMatrixIsAnError() {
        MatrixParameters parameters = small().withAlgorithms("ff-base").withDepths("2").withWidths("16")
                .withSelectors(List.of(), List.of(Map.of("algorithm", "ff-base")), List.of());

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        assertEquals("the experiment matrix is empty: includes/excludes leave none of the 1 cells of algorithms x goodness"
                + " x depths x widths x seeds, and no extraCells are configured; an empty matrix is an error, not a pass:"
                + " relax includes/excludes or add extraCells", e.getMessage());
    }

    @Test
    void everyBadValueIsReportedAtOnceNamingItsParameterAndWhatIsAllowed() {
        MatrixParameters parameters = MatrixParameters.defaults().withAlgorithms("ff-bogus").withDepths("0").withWidths("wide")
                .withRun(dir.resolve("no-such-dir").toString(), "0", null, null);

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        List<String> problems = e.problems();
        assertTrue(problems.contains("algorithms: 'ff-bogus' is not an algorithm; allowed: "
                + String.join(", ", ExperimentSpec.ALGORITHMS)), problems.toString());
        assertTrue(problems.contains("depths is '0'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.contains("widths is 'wide'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.contains("epochs is '0'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("dataset is '" + dir.resolve("no-such-dir") + "': directory "
                + dir.resolve("no-such-dir") + " does not exist; allowed: mnist-sample")), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
    }

    @Test
    void relativeDatasetDirectoriesResolveAgainstTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("data/fashion"));
        List<Cell> cells = expand(MatrixParameters.defaults().withAlgorithms("backprop").withDepths("2").withWidths("16")
                .withRun("data/fashion", null, null, null));
        assertEquals("data/fashion", cells.get(0).spec().dataset());
    }

    @Test
    void badSelectorsNameTheirPositionAndField() {
        MatrixParameters parameters = small().withSelectors(List.of(Map.of("compact", "depth=0;colour=red")),
                List.of(Map.of()), List.of());

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        assertTrue(e.problems().contains("includes[1]: 'colour=red' is not a field=value pair of a known field;"
                + " allowed fields: algorithm, depth, width, goodness, dataset, seed (e.g. algorithm=...;depth=...)"), e.problems().toString());
        assertTrue(e.problems().contains("includes[1].depth is '0'; allowed: a whole number >= 1"), e.problems().toString());
        assertTrue(e.problems().contains("excludes[1] sets no field; allowed fields: algorithm, depth, width, goodness, dataset, seed"),
                e.problems().toString());
    }
}
