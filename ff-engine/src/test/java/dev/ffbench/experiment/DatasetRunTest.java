package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.dataset.Dataset;
import dev.ffbench.dataset.DatasetFiles;
import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.dataset.Synthetic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals(((9 + 10) * 32 + 32 + 32 * 32 + 32) * 4L, appended.memory().evaluationPeak().parameters(),
                "the first layer takes 9 pixels and 10 label inputs");
        run("backprop", dataset, Map.of());
        run("ff-recurrent", dataset, Map.of());
    }

    @Test
    void theResultRecordsTheDatasShapeKChanceBytesAndFingerprint() throws Exception {
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small("backprop", 2, Map.of()));
        DatasetSummary data = result.dataset();
        assertEquals(new DatasetSummary(400, 100, 28, 28, 1, 10, 0.1,
                new Synthetic(7, 400, 100).load().fingerprint()), data);
        assertEquals(List.of(), data.fingerprint().files(), "generated data has no files");
        assertEquals(500L * (28 * 28 + 1), result.memory().datasetBytes());

        String json = Json.write(result);
        assertEquals(result.dataset(), Json.mapper().readValue(json, ExperimentResult.class).dataset(),
                "the strict reader reads what the writer wrote");
    }
}
