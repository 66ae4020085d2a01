package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ffbench.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every epoch of every training phase is timed, in training order, and the times survive the result's JSON. */
class EpochSecondsTest {

    @Test
    void layerwiseFfTimesEachEpochOfEachLayerInTrainingOrder() {
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small("ff-base", 2, Map.of("epochs", "3",
                "schedule", "layerwise", "evaluateEvery", "1")));
        assertEquals(List.of("layer 1/1", "layer 1/2", "layer 1/3", "layer 2/1", "layer 2/2", "layer 2/3"),
                result.epochSeconds().stream().map(e -> e.phase() + "/" + e.epoch()).toList());
        assertPositiveAndWithinTraining(result);
    }

    @Test
    void backpropTimesEachEpochOfItsOnePhase() {
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small("backprop", 2, Map.of("epochs", "2")));
        String phase = result.memory().trainingPhases().get(0).phase();
        assertEquals(List.of(phase + "/1", phase + "/2"),
                result.epochSeconds().stream().map(e -> e.phase() + "/" + e.epoch()).toList());
        assertPositiveAndWithinTraining(result);
    }

    @Test
    void theSecondsSurviveJsonAndAnOlderResultReadsWithout() throws Exception {
        ExperimentResult result = ExperimentRunner.engine().run(Specs.small("backprop", 2, Map.of("epochs", "2")));
        String json = Json.mapper().writeValueAsString(result);
        assertEquals(result.epochSeconds(), Json.mapper().readValue(json, ExperimentResult.class).epochSeconds());
        ObjectNode older = (ObjectNode) Json.mapper().readTree(json);
        older.remove("epochSeconds");
        assertNull(Json.mapper().treeToValue(older, ExperimentResult.class).epochSeconds());
    }

    /** Each epoch took time, and together they took no more than the training (the curve's evaluations excluded). */
    private static void assertPositiveAndWithinTraining(ExperimentResult result) {
        double sum = 0;
        for (EpochSeconds epoch : result.epochSeconds()) {
            assertTrue(epoch.seconds() > 0, epoch.toString());
            sum += epoch.seconds();
        }
        assertTrue(sum <= result.trainSeconds(), sum + " s of epochs, " + result.trainSeconds() + " s of training");
    }
}
