package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {

    @Test
    void theDefaultsAreValidAndMissingFieldsKeepThem() {
        ExperimentSpec spec = Json.readSpec("{\"depth\": 4}", Map.of("epochs", "7"));
        assertEquals(4, spec.depth());
        assertEquals(7, spec.epochs());
        assertEquals(ExperimentSpec.defaults().width(), spec.width());
        assertNull(spec.threshold());
        assertTrue(spec.problems().isEmpty(), spec.problems().toString());
    }

    @Test
    void everyBadFieldIsNamedWithItsValueAndWhatIsAllowed() {
        ExperimentSpec spec = Specs.with(Map.of("algorithm", "ff-magic", "depth", "0", "goodness", "cubes",
                "batchSize", "-3", "learningRate", "0"));
        InvalidSpecException error = assertThrows(InvalidSpecException.class, spec::validated);
        assertEquals(5, error.problems().size(), error.getMessage());
        assertTrue(error.getMessage().contains("algorithm is 'ff-magic'; allowed: ff-base, ff-recurrent, backprop"), error.getMessage());
        assertTrue(error.getMessage().contains("depth is 0; allowed: an integer >= 1"), error.getMessage());
        assertTrue(error.getMessage().contains("goodness is 'cubes'; allowed: sum-squares, mean-squares, neg-sum-squares, symba"), error.getMessage());
        assertTrue(error.getMessage().contains("batchSize is -3"), error.getMessage());
        assertTrue(error.getMessage().contains("learningRate is 0.0; allowed: a finite number > 0"), error.getMessage());
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Json.readSpec("{\"widht\": 10}", Map.of()));
        assertTrue(error.getMessage().contains("widht"), error.getMessage());
    }

    @Test
    void aBatchLargerThanTheTrainingSplitIsRejectedBeforeTraining() {
        ExperimentSpec spec = Specs.small("ff-base", 1, Map.of("batchSize", "5000"));
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> ExperimentRunner.run(spec));
        assertTrue(error.getMessage().contains("batchSize is 5000; allowed: at most the 400 training images"), error.getMessage());
    }

    @Test
    void specRoundTripsThroughJson() {
        ExperimentSpec spec = Specs.small("backprop", 3, Map.of("threshold", "12.5"));
        assertEquals(spec, Json.readSpec(Json.write(spec), Map.of()));
    }
}
