package dev.ffbench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
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
        return MatrixExpander.expand(parameters, dir, Extensions.engine());
    }

    private static MatrixParameters small() {
        return MatrixParameters.builder()
                .dataset("synthetic:7:400:100").epochs("1").batchSize("50").maxStepsPerEpoch("3").build();
    }

    @Test
    void theDefaultMatrixRunsEveryEngineAlgorithmAtEveryDefaultDepthAndWidthOnMnistSample() {
        List<Cell> cells = expand(MatrixParameters.defaults());

        List<String> algorithms = DefaultMatrix.algorithms(Extensions.engine());
        assertEquals(List.of("ff-base", "ff-recurrent", "backprop"), algorithms, "backprop's variants run when named");
        assertEquals(List.of("ff-base", "ff-recurrent", "backprop", "backprop-checkpointed", "backprop-layerwise-update"),
                Extensions.engine().algorithmNames());
        assertEquals(algorithms.size() * DefaultMatrix.DEPTHS.size() * DefaultMatrix.WIDTHS.size(), cells.size());
        for (String algorithm : algorithms) {
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
            // the smallest depth trains whole epochs (accuracy cells), deeper cells are capped (memory cells)
            int expectedSteps = cell.spec().depth() == DefaultMatrix.DEPTHS.get(0) ? 0 : DefaultMatrix.MEMORY_CELL_STEPS;
            assertEquals(expectedSteps, cell.spec().maxStepsPerEpoch(), cell.id());
            assertEquals(ExperimentSpec.DEFAULT_BATCH_SIZE, cell.spec().batchSize(), cell.id());
            SpecResolver.engine().requireResolved(cell.spec());
        }
        assertEquals("ff-base-symba-d" + DefaultMatrix.DEPTHS.get(0) + "-w" + DefaultMatrix.WIDTHS.get(0) + "-s1", cells.get(0).id());
    }

    @Test
    void unconfiguredStepsTrainTheSmallestDepthInFullAndCapTheDeeperCellsIncludingExtraCells() {
        MatrixParameters parameters = MatrixParameters.builder().algorithms("backprop").depths("3", "5")
                .widths("16").extraCells(List.of(Map.of("depth", "1"), Map.of("depth", "9"))).build();
        Map<Integer, Integer> stepsByDepth = new java.util.TreeMap<>();
        for (Cell cell : expand(parameters)) {
            stepsByDepth.put(cell.spec().depth(), cell.spec().maxStepsPerEpoch());
        }
        assertEquals(Map.of(1, 0, 3, 0, 5, DefaultMatrix.MEMORY_CELL_STEPS, 9, DefaultMatrix.MEMORY_CELL_STEPS),
                stepsByDepth);

        // a configured cap is every cell's, 0 included
        for (Cell cell : expand(parameters.toBuilder().maxStepsPerEpoch("0").build())) {
            assertEquals(0, cell.spec().maxStepsPerEpoch(), cell.id());
        }
    }

    @Test
    void goodnessMultipliesTheFfCellsButNotBackprop() {
        List<String> goodness = Extensions.engine().goodnessNames().subList(0, 2);
        List<Cell> cells = expand(small().toBuilder().algorithms("ff-base", "backprop").depths("2").widths("16", "32")
                .goodness(goodness.toArray(String[]::new)).seeds("1", "2").build());

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
        MatrixParameters parameters = small().toBuilder().algorithms("ff-base", "backprop").depths("2", "4").widths("16")
                .includes(List.of(Map.of("depth", "2"))).excludes(List.of(Map.of("compact", "algorithm=backprop")))
                .extraCells(List.of(Map.of("depth", "8", "algorithm", "backprop"), Map.of("depth", "2,4", "algorithm", "ff-base"))).build();

        List<String> ids = expand(parameters).stream().map(Cell::id).toList();

        // product: 4 cells; includes keep depth 2 (2 cells); excludes drop backprop (1 left); extra cells
        // add backprop at depth 8, and ff-base at depths 2 (already in: it runs once) and 4
        assertEquals(List.of("ff-base-symba-d2-w16-s1", "backprop-d8-w16-s1", "ff-base-symba-d4-w16-s1"), ids);
    }

    @Test
    void aValueWrittenTwiceIsAnErrorNotSilentlyMerged() {
        MatrixParameters parameters = small().toBuilder().algorithms("backprop", "backprop").depths("2", "2").widths("16", "32")
                .seeds("1", "01").settings("normalize=false", "normalize=false")
                .includes(List.of(Map.of("compact", "depth=2;depth=4")))
                .excludes(List.of(Map.of("width", "32,32"))).build();

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        assertEquals(List.of(
                "algorithms lists backprop twice; allowed: each value once",
                "depths lists 2 twice; allowed: each value once",
                "seeds lists 1 twice; allowed: each value once",
                "settings: normalize is set twice ('false' and 'false'); allowed: one value per field",
                "includes[1]: depth is given twice ('depth=2' and 'depth=4'); allowed: each field once (several values as"
                        + " depth=a|b)",
                "excludes[1].width lists 32 twice; allowed: each value once"), e.problems());
    }

    @Test
    void anIncludeExcludeOrExtraCellBlockThatChangesNothingIsAnError() {
        MatrixParameters parameters = small().toBuilder().algorithms("backprop").depths("1", "2").widths("16")
                .includes(List.of(Map.of("depth", "1,2"), Map.of("depth", "7")))
                .excludes(List.of(Map.of("width", "61")))
                .extraCells(List.of(Map.of("depth", "2"), Map.of("depth", "3"))).build();

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        assertEquals(List.of(
                "includes[2] (depth=7) matches none of the 2 cells of algorithms x goodness x depths x widths x seeds, so it"
                        + " includes nothing; allowed: a pattern that matches at least one of them",
                "excludes[1] (width=61) matches none of the 2 cells of algorithms x goodness x depths x widths x seeds, so it"
                        + " excludes nothing; allowed: a pattern that matches at least one of them",
                "extraCells[1] (depth=2) adds no cell: all 1 of its cells is in the matrix already; allowed: an extra cell"
                        + " block that adds at least one cell"), e.problems());
    }

    @Test
    void aBadBatchSizeIsReportedOnceAndNeverReplacedByTheDefault() {
        // issue 13: <batchSize>0</batchSize> once also reported "batchSize is 256", a default nobody had set
        HarnessException e = assertThrows(HarnessException.class, () -> expand(MatrixParameters.builder()
                .algorithms("backprop").depths("1").widths("16")
                .dataset("synthetic:7:200:50").epochs("1").batchSize("0").maxStepsPerEpoch("2").build()));

        assertEquals(List.of(new Problem("batchSize", "0", "a whole number >= 1")), e.typedProblems());
        assertEquals(1, e.problems().size(), e.problems().toString());
    }

    @Test
    void settingsReachEveryCellAndAreCheckedAgainstTheSpec() {
        List<Cell> cells = expand(small().toBuilder().algorithms("ff-base").depths("2").widths("16")
                .settings("finishedLayerKeeps=all", "optimizer=sgd").build());
        assertEquals("all", cells.get(0).spec().options().text("finishedLayerKeeps"));
        assertEquals("sgd", cells.get(0).spec().optimizer());

        HarnessException e = assertThrows(HarnessException.class, () -> expand(small().toBuilder().settings("depth=3", "noSuchField=1").build()));
        assertEquals(List.of(Problem.found("settings: 'depth=3'", "sets depth, which is a matrix parameter", "the fields"
                + " that are not (algorithm, depth, width, goodness, seed, dataset, epochs, batchSize, learningRate, schedule,"
                + " maxStepsPerEpoch, threads); set depth with its own parameter"),
                Problem.found("settings: noSuchField", "is not a field of the spec nor an option of ff-base, ff-recurrent,"
                + " backprop", "the shared fields (algorithm, dataset, depth, width, epochs, batchSize, optimizer,"
                + " learningRate, seed, threads, maxStepsPerEpoch, evaluateEvery, targetAccuracy) and these algorithms' options (goodness, threshold,"
                + " alpha, schedule, labelMode, negatives, finishedLayerKeeps, learningRateSchedule,"
                + " coolDownFraction, peerNormalization, weightDecay, readout, iterations, damping, scoreFrom, scoreTo,"
                + " normalize)")), e.typedProblems());
        assertEquals(e.typedProblems().stream().map(Problem::message).toList(), e.problems());
    }

    @Test
    void anOptionReachesOnlyTheAlgorithmsThatDeclareItOrTheOneItIsScopedTo() {
        List<Cell> cells = expand(small().toBuilder().algorithms("ff-base", "ff-recurrent", "backprop").depths("2").widths("16")
                .settings("negatives=hard", "ff-recurrent.iterations=4", "ff-recurrent.scoreTo=4", "normalize=false").build());

        ExperimentSpec base = cells.get(0).spec();
        ExperimentSpec recurrent = cells.get(1).spec();
        ExperimentSpec backprop = cells.get(2).spec();
        assertEquals("hard", base.options().text("negatives"));
        assertEquals("hard", recurrent.options().text("negatives"));
        assertEquals(4, recurrent.options().integer("iterations"));
        assertEquals(false, backprop.options().flag("normalize"));
        assertEquals(java.util.Map.of("normalize", false), backprop.options().values());
    }

    @Test
    void aLearningRateScopedToOneAlgorithmReplacesTheMatrixsRateForItAlone() {
        List<Cell> own = expand(small().toBuilder().algorithms("ff-base", "ff-recurrent", "backprop").depths("2").widths("16")
                .settings("backprop.learningRate=0.0003").build());
        assertEquals(List.of(0.003, 0.003, 0.0003), own.stream().map(cell -> cell.spec().learningRate()).toList(),
                "the FF algorithms keep their own default rates");

        List<Cell> overMatrix = expand(small().toBuilder().algorithms("ff-base", "backprop").depths("2").widths("16")
                .learningRate("0.01").settings("backprop.learningRate=0.0003").build());
        assertEquals(List.of(0.01, 0.0003), overMatrix.stream().map(cell -> cell.spec().learningRate()).toList());

        HarnessException e = assertThrows(HarnessException.class, () -> expand(small().toBuilder().algorithms("backprop")
                .settings("backprop.learningRate=-1", "learningRate=0.1", "backprop.epochs=2").build()));
        assertEquals(List.of("settings: 'learningRate=0.1'", "settings: 'backprop.epochs=2'",
                "settings: backprop.learningRate"), e.typedProblems().stream().map(Problem::thing).toList(),
                "unscoped, the rate is the matrix's parameter; no other matrix parameter is scoped; a bad rate is named as written");
        assertEquals("a finite number > 0 (or unset: the algorithm's default)", e.typedProblems().get(2).allowed());
        assertTrue(e.typedProblems().get(0).allowed().endsWith("; set learningRate with its own parameter, or scope it to"
                + " one algorithm, e.g. backprop.learningRate=0.0003"), e.typedProblems().get(0).allowed());

        HarnessException notANumber = assertThrows(HarnessException.class, () -> expand(small().toBuilder()
                .learningRate("abc").build()));
        HarnessException negative = assertThrows(HarnessException.class, () -> expand(small().toBuilder()
                .learningRate("-1").build()));
        assertEquals(List.of(new Problem("learningRate", "abc", "a finite number > 0, e.g. 0.003")), notANumber.typedProblems());
        assertEquals(List.of(new Problem("learningRate", "-1", "a finite number > 0, e.g. 0.003")), negative.typedProblems(),
                "one allowed for both");
    }

    @Test
    void aBadValueOfAScopedSettingIsNamedAsItWasWritten() {
        HarnessException e = assertThrows(HarnessException.class, () -> expand(small().toBuilder()
                .algorithms("ff-base", "ff-recurrent").settings("ff-recurrent.peerNormalization=-0.5", "peerNormalization=x").build()));
        assertEquals(List.of(new Problem("settings: peerNormalization", "x", "a finite number >= 0"),
                new Problem("settings: ff-recurrent.peerNormalization", "-0.5", "a finite number >= 0")), e.typedProblems());
    }

    @Test
    void aValueNoCellWouldUseIsAnError() {
        HarnessException e = assertThrows(HarnessException.class, () -> expand(small().toBuilder().algorithms("backprop")
                .goodness("symba").settings("iterations=4", "ff-base.labelMode=append").build()));
        assertEquals(List.of(new Problem("goodness", "symba",
                "goodness only with an FF algorithm (e.g. ff-base), or leave goodness unset",
                "but none of the algorithms (backprop) has a goodness function"),
                // the spec resolver's problem, named where it was written
                Problem.found("settings: iterations", "is not a field of the spec nor an option of backprop", "the shared"
                        + " fields (algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate, seed, threads,"
                        + " maxStepsPerEpoch, evaluateEvery, targetAccuracy) and these algorithms' options (normalize)"),
                Problem.found("settings: 'ff-base.labelMode'", "is scoped to ff-base, which is not in the matrix (backprop)",
                        "settings of the matrix's algorithms")), e.typedProblems());
        // the rendered wording of a setting's problem, pinned once (the prefix is part of the thing)
        assertEquals("settings: iterations is not a field of the spec nor an option of backprop; allowed: the shared fields"
                + " (algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate, seed, threads,"
                + " maxStepsPerEpoch, evaluateEvery, targetAccuracy) and these algorithms' options (normalize)", e.problems().get(1));
        assertEquals(e.typedProblems().stream().map(Problem::message).toList(), e.problems());
    }

    @Test
    void anEmptyMatrixIsAnError() {
        MatrixParameters parameters = small().toBuilder().algorithms("ff-base").depths("2").widths("16")
                .excludes(List.of(Map.of("algorithm", "ff-base"))).build();

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        assertEquals("the experiment matrix is empty: includes/excludes leave none of the 1 cells of algorithms x goodness"
                + " x depths x widths x seeds, and no extraCells are configured; an empty matrix is an error, not a pass:"
                + " relax includes/excludes or add extraCells", e.getMessage());
    }

    @Test
    void aDatasetDirectoryWithoutItsFilesIsRefusedBeforeAnyCellRuns() throws Exception {
        // idx:/usr/share/datasets for idx:/usr/share/datasets/fashion-mnist: the files are one level down
        Path parent = Files.createDirectories(dir.resolve("datasets"));
        Files.createDirectories(parent.resolve("fashion-mnist"));
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("mnist_train.csv"), "0,1,2\n1,3,4\n");

        HarnessException e = assertThrows(HarnessException.class, () -> expand(small().toBuilder()
                .dataset("idx:" + parent).extraCells(List.of(Map.of("dataset", "csv:" + csv))).build()));

        List<Problem> typed = e.typedProblems();
        assertEquals(List.of("dataset", "extraCells[1].dataset"), typed.stream().map(Problem::thing).toList());
        assertEquals("is 'idx:" + parent + "': dataset directory " + parent.toAbsolutePath() + ": missing the training images"
                + " and the training labels and the test images and the test labels, the directory holds no files, only"
                + " the directories fashion-mnist (is the dataset in one of them?); no near misses", typed.get(0).finding());
        assertTrue(typed.get(1).finding().contains("missing the test CSV file, found 1 file: mnist_train.csv"),
                typed.get(1).finding());
    }

    @Test
    void everyBadValueIsReportedAtOnceNamingItsParameterAndWhatIsAllowed() {
        MatrixParameters parameters = MatrixParameters.builder().algorithms("ff-bogus").depths("0").widths("wide")
                .dataset(dir.resolve("no-such-dir").toString()).epochs("0").build();

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        List<String> problems = e.problems();
        List<Problem> typed = e.typedProblems();
        assertEquals(List.of(Problem.found("algorithms: 'ff-bogus'", "is not an algorithm", "ff-base (built in),"
                + " ff-recurrent (built in), backprop (built in), backprop-checkpointed (built in),"
                + " backprop-layerwise-update (built in)"),
                new Problem("depths", "0", "a whole number >= 1"),
                new Problem("widths", "wide", "a whole number >= 1"),
                new Problem("epochs", "0", "a whole number >= 1")), typed.subList(0, 4));
        Problem dataset = typed.get(4);
        assertEquals("dataset", dataset.thing());
        assertEquals("is '" + dir.resolve("no-such-dir") + "': directory " + dir.resolve("no-such-dir") + " does not exist",
                dataset.finding());
        assertTrue(dataset.allowed().startsWith("mnist-sample, synthetic"), dataset.allowed());
        // the rendered wording, pinned once for the package (the ITs quote it through Maven)
        assertTrue(problems.contains("algorithms: 'ff-bogus' is not an algorithm; allowed: ff-base (built in),"
                + " ff-recurrent (built in), backprop (built in), backprop-checkpointed (built in),"
                + " backprop-layerwise-update (built in)"), problems.toString());
        assertTrue(problems.contains("depths is '0'; allowed: a whole number >= 1"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("dataset is '" + dir.resolve("no-such-dir") + "': directory "
                + dir.resolve("no-such-dir") + " does not exist; allowed: mnist-sample")), problems.toString());
        assertEquals(5, problems.size(), problems.toString());
        assertEquals(5, typed.size(), typed.toString());
    }

    @Test
    void relativeDatasetDirectoriesResolveAgainstTheWorkingDirectory() throws Exception {
        Path fashion = Files.createDirectories(dir.resolve("data/fashion"));
        // the matrix checks the files by name only; each cell reads them
        for (String file : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.createFile(fashion.resolve(file));
        }
        List<Cell> cells = expand(MatrixParameters.builder().algorithms("backprop").depths("2").widths("16")
                .dataset("data/fashion").build());
        assertEquals("data/fashion", cells.get(0).spec().dataset());
    }

    @Test
    void badSelectorsNameTheirPositionAndField() {
        MatrixParameters parameters = small().toBuilder().includes(List.of(Map.of("compact", "depth=0;colour=red")))
                .excludes(List.of(Map.of())).build();

        HarnessException e = assertThrows(HarnessException.class, () -> expand(parameters));

        String fields = "the fields algorithm, depth, width, goodness, dataset, seed";
        assertEquals(List.of(
                Problem.found("includes[1]: 'colour=red'", "is not a field=value pair of a known field",
                        fields + " (e.g. algorithm=...;depth=...)"),
                new Problem("includes[1].depth", "0", "a whole number >= 1"),
                Problem.found("includes[1]", "sets no field", fields),
                Problem.found("excludes[1]", "sets no field", fields)), e.typedProblems());
        assertEquals(e.typedProblems().stream().map(Problem::message).toList(), e.problems());
    }
}
