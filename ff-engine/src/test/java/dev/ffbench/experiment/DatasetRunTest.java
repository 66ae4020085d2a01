package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ffbench.api.Algorithm;
import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetException;
import dev.ffbench.dataset.DatasetFiles;
import dev.ffbench.dataset.DatasetSource;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.dataset.Synthetic;
import dev.ffbench.io.Json;
import dev.ffbench.sample.HandedDataSource;
import dev.ffbench.sample.RecordingAlgorithm;
import dev.ffbench.sample.SampleExtensions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs on the data users have: what a result records of its data, and the models over any K and image shape. */
class DatasetRunTest {

    @TempDir
    Path dir;

    private static ExperimentResult run(String algorithm, String dataset, Map<String, String> overrides) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("dataset", dataset, "batchSize", "20",
                "maxStepsPerEpoch", "3"));
        fields.putAll(overrides);
        return ExperimentRunner.engine().run(Specs.small(algorithm, 2, fields));
    }

    /** 3x3 images of 10 classes: 9 inputs, one fewer than a one-hot label needs. */
    private Path tinyImages() {
        Dataset data = new Synthetic(7, 40, 10).load();
        return DatasetFiles.writeIdx(new Dataset("tiny", crop(data.train()), crop(data.test()), 10), dir.resolve("tiny"),
                DatasetFiles.DASHED, 0);
    }

    private static ImageSet crop(ImageSet set) {
        byte[] pixels = new byte[set.count() * 9];
        for (int i = 0; i < set.count(); i++) {
            for (int p = 0; p < 9; p++) {
                pixels[i * 9 + p] = (byte) set.pixel(i, (12 + p / 3) * 28 + 12 + p % 3);
            }
        }
        return new ImageSet(set.count(), 3, 3, pixels, set.labels());
    }

    @Test
    void overlayWithFewerInputsThanClassesIsASpecErrorThatSuggestsAppend() {
        String dataset = "idx:" + tinyImages();
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> run("ff-base", dataset, Map.of()));
        assertEquals(List.of("labelMode is 'overlay', but dataset " + dataset + " has 9 inputs per image (3x3), fewer"
                + " than its 10 classes: the one-hot label cannot be overlaid; allowed: labelMode=append (the label as"
                + " 10 extra inputs)"), e.problems());

        ExperimentResult appended = run("ff-base", dataset, Map.of("labelMode", "append"));
        assertTrue(appended.memory().trainingPeak().parameters() > 0);
        // two layers, and the softmax readout's (2 x 32) x 10 weights
        assertEquals(((9 + 10) * 32 + 32 + 32 * 32 + 32 + 2 * 32 * 10) * 4L, appended.memory().evaluationPeak().parameters(),
                "the first layer takes 9 pixels and 10 label inputs");
        run("backprop", dataset, Map.of());
        run("ff-recurrent", dataset, Map.of());
    }

    @Test
    void theResultRecordsTheDatasShapeKChanceBytesAndFingerprint() throws Exception {
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small("backprop", 2, Map.of()));
        DatasetSummary data = result.dataset();
        assertEquals(new DatasetSummary(400, 100, 28, 28, 1, 10, new Synthetic(7, 400, 100).load().fingerprint()), data);
        assertEquals(List.of(), data.fingerprint().files(), "generated data has no files");
        assertEquals(500L * (28 * 28 + 1), result.memory().datasetBytes());

        String json = Json.write(result);
        assertEquals(result.dataset(), Json.mapper().readValue(json, ExperimentResult.class).dataset(),
                "the strict reader reads what the writer wrote");
    }

    /**
     * A project's dataset source that hands over a test split of no image fails the run, naming the dataset, the
     * source and the split, where it used to pass at 0.00 %; its good data trains.
     */
    @Test
    void aProjectSourcesEmptyTestSplitFailsTheRun() {
        Extensions extensions = Extensions.discover(SampleExtensions.loader(dir.resolve("services"),
                Map.of(DatasetSource.class, List.of(HandedDataSource.class.getName()))));
        Map<String, String> fields = Map.of("algorithm", "backprop", "depth", "2", "width", "32", "epochs", "1",
                "batchSize", "50", "maxStepsPerEpoch", "3");
        Map<String, String> empty = new LinkedHashMap<>(fields);
        empty.put("dataset", "handed:empty-test");
        DatasetException e = assertThrows(DatasetException.class,
                () -> new ExperimentRunner(extensions).run(new SpecResolver(extensions).resolve(empty)));
        assertEquals("dataset 'handed:empty-test' (source handed, " + HandedDataSource.class.getName() + "): test split"
                + " has 0 images; allowed: at least 1 image in each split", e.getMessage());
        Map<String, String> good = new LinkedHashMap<>(fields);
        good.put("dataset", "handed:good");
        assertEquals(100, new ExperimentRunner(extensions).run(new SpecResolver(extensions).resolve(good)).dataset()
                .testImages());
    }

    /** The built-ins plus FF Base and backprop that keep their test predictions. */
    private Extensions recording() {
        return Extensions.discover(SampleExtensions.loader(dir.resolve("services"), Map.of(Algorithm.class, List.of(
                RecordingAlgorithm.FfBase.class.getName(), RecordingAlgorithm.Backprop.class.getName()))));
    }

    /** Trains {@code algorithm} (a built-in's name) on {@code dataset}; returns the result and its test predictions. */
    private Trained train(String algorithm, String dataset, Map<String, String> overrides) {
        Extensions extensions = recording();
        // FF learns a many-class label more slowly than backprop (it sees one label per image and step): 8 epochs
        Map<String, String> fields = new LinkedHashMap<>(Map.of("algorithm", "recording-" + algorithm, "dataset", dataset,
                "depth", "2", "width", "128", "epochs", algorithm.equals("backprop") ? "4" : "8", "batchSize", "25"));
        fields.putAll(overrides);
        ExperimentResult result = new ExperimentRunner(extensions).run(new SpecResolver(extensions).resolve(fields));
        Trained trained = new Trained(result, RecordingAlgorithm.TEST_PREDICTIONS.get("recording-" + algorithm));
        return trained;
    }

    private record Trained(ExperimentResult result, int[] predictions) {
        /** Far above chance: backprop above 90 %; FF, slower on many classes, above 5 x chance. */
        void learnt(String algorithm) {
            double accuracy = result.testAccuracy();
            double chance = result.evaluation().chanceAccuracy();
            assertTrue(algorithm.equals("backprop") ? accuracy > 0.9 : accuracy > 5 * chance,
                    algorithm + " test accuracy " + accuracy + ", chance " + chance);
        }

        /** Classes predicted at least once (a tie, -1, is no class). */
        int distinctPredictions() {
            return (int) Arrays.stream(predictions).filter(p -> p >= 0).distinct().count();
        }

        int highestPrediction() {
            return Arrays.stream(predictions).max().orElseThrow();
        }
    }

    /**
     * 47 classes (EMNIST balanced's count) in IDX files: both models train with a 47-way label and predict over
     * (nearly) all 47 classes, up to the last, far above chance (1 in 47). Measured: backprop 98.3 % with all 47
     * classes predicted, FF Base 34.9 % with 45.
     */
    @ParameterizedTest
    @ValueSource(strings = {"backprop", "ff-base"})
    void fortySevenClassesTrainAndPredictOverEveryClass(String algorithm) {
        Path files = DatasetFiles.writeIdx(new Synthetic(11, 47 * 40, 47 * 10, 47).load(), dir.resolve("k47"),
                List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                        "t10k-labels-idx1-ubyte.gz"), 0);
        Trained run = train(algorithm, "idx:" + files, Map.of());
        assertEquals(47, run.result().dataset().classes());
        assertEquals(1 / 47.0, run.result().evaluation().chanceAccuracy(), 1e-12);
        assertEquals(470, run.predictions().length);
        assertEquals(46, run.highestPrediction(), "predictions reach the last class");
        assertTrue(run.distinctPredictions() >= 42, "classes predicted: " + run.distinctPredictions());
        run.learnt(algorithm);
    }

    /**
     * EMNIST letters' layout: 26 classes labelled 1..26, the files named as EMNIST's gzip.zip unpacks them;
     * firstLabel=1 makes them classes 0..25, which both models learn and predict. Measured: backprop 96.2 %, FF
     * Base 45.4 %, both predicting all 26 classes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"backprop", "ff-base"})
    void twentySixClassesLabelledFromOneTrainWithFirstLabel(String algorithm) {
        Path files = DatasetFiles.writeIdx(new Synthetic(12, 26 * 40, 26 * 10, 26).load(), dir.resolve("letters"),
                List.of("emnist-letters-train-images-idx3-ubyte.gz", "emnist-letters-train-labels-idx1-ubyte.gz",
                        "emnist-letters-test-images-idx3-ubyte.gz", "emnist-letters-test-labels-idx1-ubyte.gz"), 1);
        Trained run = train(algorithm, "idx:" + files + ";firstLabel=1", Map.of());
        assertEquals(26, run.result().dataset().classes());
        assertEquals(25, run.highestPrediction(), "predictions reach the last class");
        assertTrue(run.distinctPredictions() >= 21, "classes predicted: " + run.distinctPredictions());
        run.learnt(algorithm);
    }

    /**
     * Everything a result measured, as JSON: the result without what names the data's source (spec.dataset, the
     * fingerprint's file names and sizes) and without times (of the result and its accuracy curve) and the
     * process's RSS, which vary run to run.
     */
    static String measured(ExperimentResult result) {
        ObjectNode tree = Json.mapper().valueToTree(result);
        ((ObjectNode) tree.get("spec")).remove("dataset");
        ((ObjectNode) tree.get("dataset").get("fingerprint")).remove("files");
        ((ObjectNode) tree.get("memory")).remove("processPeakRssBytes");
        tree.remove(List.of("trainSeconds", "evalSeconds", "samplesPerSecond", "secondsToAccuracy", "epochSeconds", "environment"));
        tree.get("curve").forEach(point -> ((ObjectNode) point).remove("trainSeconds"));
        return tree.toPrettyString();
    }

    /** The bundled mnist-sample file {@code name} (gzipped), gunzipped when {@code raw}. */
    static byte[] mnistSampleFile(String name, boolean raw) throws IOException {
        try (InputStream in = DatasetRunTest.class.getResourceAsStream("/dev/ffbench/dataset/mnist-sample/" + name)) {
            return raw ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        }
    }

    /**
     * mnist-sample's own files copied under the dotted names the original MNIST archives unpack to (two of them
     * gunzipped): the same accuracies, losses and memory ledger to the byte as the bundled dataset, and the same
     * content hash.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ff-base", "backprop"})
    void mnistSampleUnderTheDottedNamesGivesByteIdenticalResults(String algorithm) throws IOException {
        Path dotted = Files.createDirectories(dir.resolve("mnist-dotted"));
        Files.write(dotted.resolve("train-images.idx3-ubyte"), mnistSampleFile("train-images-idx3-ubyte.gz", true));
        Files.write(dotted.resolve("train-labels.idx1-ubyte.gz"), mnistSampleFile("train-labels-idx1-ubyte.gz", false));
        Files.write(dotted.resolve("t10k-images.idx3-ubyte.gz"), mnistSampleFile("t10k-images-idx3-ubyte.gz", false));
        Files.write(dotted.resolve("t10k-labels.idx1-ubyte"), mnistSampleFile("t10k-labels-idx1-ubyte.gz", true));

        // 250-image batches: evaluating the 10,000 images in 20-image ones takes FF Base 20 s
        ExperimentResult bundled = run(algorithm, "mnist-sample", Map.of("batchSize", "250"));
        ExperimentResult copied = run(algorithm, "idx:" + dotted, Map.of("batchSize", "250"));
        assertEquals(measured(bundled), measured(copied));
        assertEquals(bundled.dataset().fingerprint().contentHash(), copied.dataset().fingerprint().contentHash());
        assertEquals(List.of("train-images.idx3-ubyte", "train-labels.idx1-ubyte.gz", "t10k-images.idx3-ubyte.gz",
                "t10k-labels.idx1-ubyte"), copied.dataset().fingerprint().files().stream()
                        .map(dev.ffbench.dataset.DatasetFile::name).toList());
        assertEquals(8004L * 785 + 1996L * 785, copied.memory().datasetBytes());
    }

    /**
     * mnist-sample written as MNIST-CSV (Kaggle's header line, the training file gzipped): the same accuracies,
     * losses, ledger and content hash as the bundled IDX files.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ff-base", "backprop"})
    void mnistSampleAsCsvGivesTheSameAccuracyAndLedgerAsTheIdxFiles(String algorithm) {
        Dataset sample = new dev.ffbench.dataset.MnistSample().load();
        Path csv = DatasetFiles.writeCsv(sample, dir.resolve("mnist-csv"), "mnist_train.csv.gz", "mnist_test.csv", true);

        ExperimentResult bundled = run(algorithm, "mnist-sample", Map.of("batchSize", "250"));
        ExperimentResult fromCsv = run(algorithm, "csv:" + csv, Map.of("batchSize", "250"));
        assertEquals(measured(bundled), measured(fromCsv));
        assertEquals(List.of("mnist_train.csv.gz", "mnist_test.csv"), fromCsv.dataset().fingerprint().files().stream()
                .map(dev.ffbench.dataset.DatasetFile::name).toList());
    }

    /**
     * CIFAR-10's binary layout, generated (learnable colour patterns): FF Base (the one-hot over the first 10 of
     * the 3,072 values) and backprop train on 32x32x3 inputs and learn. Measured: backprop 100 %, FF Base 39 %
     * (chance 10 %). FF Base runs at learning rate 0.001: at its default 0.003 (measured on 784-value digits)
     * every unit of its first layer dies on these 3,072-value inputs within an epoch (its loss stays at width / 2)
     * and it predicts one class.
     */
    @ParameterizedTest
    @ValueSource(strings = {"backprop", "ff-base"})
    void cifar10FilesTrainBothModels(String algorithm) {
        Path files = DatasetFiles.writeCifar10(DatasetFiles.colourImages(21, 500, 100), dir.resolve("cifar-10-batches-bin"));
        Map<String, String> fields = new LinkedHashMap<>(Map.of("batchSize", "25", "epochs", "2", "maxStepsPerEpoch", "0",
                "width", "64"));
        if (algorithm.equals("ff-base")) {
            fields.put("learningRate", "0.001");
        }
        ExperimentResult result = run(algorithm, "cifar10:" + dir, fields);
        assertEquals(new DatasetSummary(500, 100, 32, 32, 3, 10, result.dataset().fingerprint()), result.dataset());
        assertEquals(0.1, result.evaluation().chanceAccuracy(), 1e-12);
        assertEquals(6, result.dataset().fingerprint().files().size());
        assertEquals((3072L * 64 + 64) * Float.BYTES, result.memory().evaluationPeak().parameters()
                - (64L * 64 + 64 + (algorithm.equals("backprop") ? 64L * 10 + 10 : 0)
                        + (algorithm.equals("ff-base") ? 2L * 64 * 10 : 0)) * Float.BYTES, // the head / the softmax readout
                "the first layer takes 3,072 inputs");
        assertTrue(result.testAccuracy() > (algorithm.equals("backprop") ? 0.9 : 0.25),
                algorithm + " test accuracy " + result.testAccuracy());
        assertTrue(files.toFile().isDirectory());
    }
}
