package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.DatasetSummary;
import dev.ffbench.dataset.Synthetic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs on the data users have: what a result records of its data, and the models over any K and image shape. */
class DatasetRunTest {

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
