package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.io.Json;
import dev.ffbench.io.Problem;
import dev.ffbench.sample.OwnBatchSizeAlgorithm;
import dev.ffbench.sample.SampleExtensions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs from what users write: shared fields, each algorithm's own options with defaults, one message per problem. */
class SpecResolverTest {
    private final SpecResolver resolver = SpecResolver.engine();

    @Test
    void theDefaultsAreValidAndMissingFieldsKeepThem() {
        ExperimentSpec spec = resolver.read("{\"depth\": 4}", Map.of("epochs", "7"));
        assertEquals(4, spec.depth());
        assertEquals(7, spec.epochs());
        assertEquals(ExperimentSpec.defaults().width(), spec.width());
        assertEquals("ff-base", spec.algorithm());
        resolver.requireResolved(spec);
    }

    @Test
    void eachDefaultIsLayeredTheUsersValueThenTheAlgorithmsThenTheBase(@TempDir Path dir) {
        SpecResolver withOwn = new SpecResolver(Extensions.discover(SampleExtensions.loader(dir,
                Map.of(Algorithm.class, List.of(OwnBatchSizeAlgorithm.class.getName())))));
        // no algorithm of the engine's declares a batch size: the spec's one default holds for all of them
        assertEquals(ExperimentSpec.DEFAULT_BATCH_SIZE, withOwn.resolve(Map.of("algorithm", "ff-base")).batchSize());
        assertEquals(ExperimentSpec.DEFAULT_BATCH_SIZE, withOwn.resolve(Map.of("algorithm", "backprop")).batchSize());
        assertEquals(32, withOwn.resolve(Map.of("algorithm", "own-batch")).batchSize());
        assertEquals(256, withOwn.resolve(Map.of("algorithm", "own-batch", "batchSize", "256")).batchSize());
        // another base (the matrix's cell defaults) is the bottom layer only
        ExperimentSpec base = ExperimentSpec.defaults().withTraining(3, 10);
        ExperimentSpec backprop = withOwn.resolve(Map.of("algorithm", "backprop"), base);
        assertEquals(List.of(3, 10, ExperimentSpec.DEFAULT_BATCH_SIZE), List.of(backprop.epochs(), backprop.maxStepsPerEpoch(),
                backprop.batchSize()));
        assertEquals(0.001, backprop.learningRate(), "the algorithm's learning rate");
        assertEquals(32, withOwn.resolve(Map.of("algorithm", "own-batch", "epochs", 5), base).batchSize());
        assertEquals(5, withOwn.resolve(Map.of("algorithm", "own-batch", "epochs", 5), base).epochs());
    }

    @Test
    void typedValuesAreTakenAsTheyAreAndCheckedLikeText() {
        ExperimentSpec typed = resolver.resolve(Map.of("algorithm", "ff-recurrent", "depth", 3, "seed", 1L << 40,
                "damping", 0, "iterations", 6, "scoreTo", 6, "learningRate", 0.01));
        ExperimentSpec text = resolver.resolve(Map.of("algorithm", "ff-recurrent", "depth", "3", "seed",
                String.valueOf(1L << 40), "damping", "0", "iterations", "6", "scoreTo", "6", "learningRate", "0.01"));
        assertEquals(text, typed);
        assertEquals(0.0, typed.options().values().get("damping"), "a number option holds a Double");
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> resolver.resolve(Map.of(
                "algorithm", "ff-recurrent", "depth", 0, "iterations", 2.5)));
        // the option's problem (dev.ffbench.api.Option.problem) is data too, after the shared fields'
        assertEquals(List.of(new Problem("depth", "0", "a whole number >= 1"),
                new Problem("iterations", "2.5", "a whole number >= 1")), error.typedProblems());
        assertEquals("iterations is '2.5'; allowed: a whole number >= 1", error.problems().get(1));
    }

    @Test
    void aSpecThatIsNotResolvedIsRefusedNamingWhatResolvingWouldChange() {
        ExperimentSpec resolved = resolver.resolve(Map.of("algorithm", "backprop"));
        resolver.requireResolved(resolved);
        ExperimentSpec handMade = new ExperimentSpec("backprop", "mnist-sample", 2, 500, 1, 64, "adam", null, 1, 2, 0, 0,
                null, dev.ffbench.api.Options.NONE);
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> resolver.requireResolved(handMade));
        String allowed = "a spec built by SpecResolver.resolve, which fills in every default";
        assertEquals(List.of(
                Problem.found("the spec is not resolved: learningRate", "is unset where the resolved spec has 0.001 (Double)",
                        allowed),
                Problem.found("the spec is not resolved: normalize", "is unset where the resolved spec has true (Boolean)",
                        allowed)), error.typedProblems());
        InvalidSpecException run = assertThrows(InvalidSpecException.class, () -> ExperimentRunner.engine().run(handMade));
        assertEquals(error.problems(), run.problems(), "the runner checks, never completes, what it is given");
    }

    @Test
    void everyOptionTheAlgorithmDeclaresIsRecordedWithItsDefault() {
        ExperimentSpec ffBase = resolver.resolve(Map.of());
        assertEquals(Map.ofEntries(Map.entry("goodness", "symba"), Map.entry("alpha", 16.0), Map.entry("schedule", "layerwise"),
                Map.entry("labelMode", "overlay"), Map.entry("negatives", "uniform"),
                Map.entry("finishedLayerKeeps", "weights"),
                Map.entry("learningRateSchedule", "cooldown"), Map.entry("coolDownFraction", 0.5),
                Map.entry("peerNormalization", 0.003), Map.entry("weightDecay", 0.0), Map.entry("readout", "softmax-all")),
                ffBase.options().values());
        assertNull(ffBase.options().optionalNumber("threshold"), "unset: the goodness function's own threshold");

        ExperimentSpec recurrent = resolver.resolve(Map.of("algorithm", "ff-recurrent", "iterations", "4", "scoreTo", "4"));
        assertEquals(4, recurrent.options().integer("iterations"));
        assertEquals(0.3, recurrent.options().number("damping"));
        assertEquals(3, recurrent.options().integer("scoreFrom"));
        assertFalse(recurrent.options().has("schedule"), "FF Base's option is not FF Recurrent's");

        assertEquals(Map.of("normalize", true), resolver.resolve(Map.of("algorithm", "backprop")).options().values());
    }

    @Test
    void everyBadFieldIsNamedWithItsValueAndWhatIsAllowed() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> resolver.resolve(Map.of(
                "depth", "0", "goodness", "cubes", "batchSize", "-3", "learningRate", "0", "schedule", "sideways",
                "alpha", "-1")));
        assertEquals(List.of(
                "depth is '0'; allowed: a whole number >= 1",
                "batchSize is '-3'; allowed: a whole number >= 1",
                "learningRate is '0'; allowed: a finite number > 0 (or unset: the algorithm's default)",
                "goodness is 'cubes'; allowed: a goodness function: sum-squares, mean-squares, neg-sum-squares, symba",
                "alpha is '-1'; allowed: a finite number > 0",
                "schedule is 'sideways'; allowed: layerwise, simultaneous"), error.problems());
        assertEquals(error.problems(), error.typedProblems().stream().map(Problem::message).toList(), "all of them data");
    }

    @Test
    void anUnknownAlgorithmListsEveryAlgorithmWithItsOrigin() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> resolver.resolve(Map.of("algorithm", "ff-magic")));
        assertEquals(List.of(new Problem("algorithm", "ff-magic", "ff-base (built in), ff-recurrent (built in), backprop"
                + " (built in), backprop-checkpointed (built in), backprop-layerwise-update (built in)")),
                error.typedProblems());
    }

    @Test
    void anOptionOfAnotherAlgorithmOrATypoIsNamedWithTheAlgorithmsOptions() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> resolver.resolve(ordered("algorithm", "backprop", "iterations", "4", "widht", "10")));
        String allowed = "the shared fields (algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate,"
                + " seed, threads, maxStepsPerEpoch, evaluateEvery, targetAccuracy) and backprop's options (normalize)";
        assertEquals(List.of(Problem.found("iterations", "is not a field of the spec nor an option of backprop", allowed),
                Problem.found("widht", "is not a field of the spec nor an option of backprop", allowed)), error.typedProblems());
    }

    @Test
    void optionsThatDependOnEachOtherAreCheckedByTheAlgorithm() {
        InvalidSpecException error = assertThrows(InvalidSpecException.class,
                () -> resolver.resolve(Map.of("algorithm", "ff-recurrent", "iterations", "4")));
        assertEquals(List.of("scoreFrom..scoreTo is 3..5; allowed: 1 <= scoreFrom <= scoreTo <= iterations (4)"),
                error.problems());
        assertEquals(List.of(), error.typedProblems(), "an algorithm words its own problems (Algorithm.problems)");
    }

    @Test
    void aBatchLargerThanTheTrainingSplitIsRejectedBeforeTraining() {
        ExperimentSpec spec = Specs.small("ff-base", 1, Map.of("batchSize", "5000"));
        InvalidSpecException error = assertThrows(InvalidSpecException.class, () -> ExperimentRunner.engine().run(spec));
        assertEquals(List.of(Problem.found("batchSize", "is 5000", "at most the 400 training images of dataset "
                + spec.dataset())), error.typedProblems());
    }

    @Test
    void specRoundTripsThroughJsonAndOptionsMayBeNested() {
        ExperimentSpec spec = Specs.small("ff-recurrent", 3, Map.of("threshold", "12.5", "damping", "0.5"));
        String json = Json.write(spec);
        assertTrue(json.contains("\"options\" : {"), json);
        assertEquals(spec, resolver.read(json, Map.of()));
        // what a fork does with its cell's spec: read it as is, and check it
        ExperimentSpec shipped = assertDoesNotThrow(() -> Json.mapper().readValue(json, ExperimentSpec.class));
        assertEquals(spec, shipped);
        resolver.requireResolved(shipped);
        assertEquals(12.5, spec.options().number("threshold"));
    }

    @Test
    void textAndJsonValuesGiveTheSameCanonicalSpec() {
        ExperimentSpec fromText = resolver.resolve(Map.of("algorithm", "ff-recurrent", "iterations", "6", "damping", "0"));
        ExperimentSpec fromJson = resolver.read("{\"algorithm\": \"ff-recurrent\", \"options\": {\"iterations\": 6,"
                + " \"damping\": 0}}", Map.of());
        assertEquals(fromText, fromJson);
        assertEquals(0.0, fromJson.options().values().get("damping"));
    }

    /** Fields in the order given: Map.of iterates in an order that changes from one JVM to the next. */
    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
