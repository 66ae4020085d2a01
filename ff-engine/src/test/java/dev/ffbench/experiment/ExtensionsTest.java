package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.Algorithm;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.io.Problem;
import dev.ffbench.sample.DuplicateSumOfSquares;
import dev.ffbench.sample.SampleExtensions;
import dev.ffbench.sample.TinyLocalAlgorithm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery with ServiceLoader: built-ins and a user's registrations alike, with their origins and conflicts. */
class ExtensionsTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInsRegisterThemselvesLikeAnyExtension() {
        Extensions engine = Extensions.engine();
        assertEquals(List.of("ff-base", "ff-recurrent", "backprop", "backprop-checkpointed", "backprop-layerwise-update"),
                engine.algorithmNames());
        assertEquals(List.of("sum-squares", "mean-squares", "neg-sum-squares", "symba"), engine.goodnessNames());
        engine.algorithms().forEach(a -> assertEquals(Extensions.BUILT_IN, a.origin(), a.name()));
        assertTrue(engine.usesGoodness("ff-base") && engine.usesGoodness("ff-recurrent") && !engine.usesGoodness("backprop"));
    }

    @Test
    void aUsersRegistrationsJoinTheBuiltInsWithTheirOrigin() {
        Extensions found = Extensions.discover(SampleExtensions.loader(dir,
                Map.of(Algorithm.class, List.of(TinyLocalAlgorithm.class.getName()))));
        assertEquals(List.of("ff-base", "ff-recurrent", "backprop", "backprop-checkpointed", "backprop-layerwise-update",
                "tiny-local"), found.algorithmNames());
        String origin = found.algorithmOrigin("tiny-local");
        assertTrue(origin.endsWith("test-classes"), origin);
        assertTrue(found.listing().contains("tiny-local (" + origin + ")"), found.listing());
        assertEquals(Extensions.BUILT_IN, found.algorithmOrigin("ff-base"));
    }

    @Test
    void twoProvidersOfOneNameAreAnErrorNamingBoth() {
        ExtensionException e = assertThrows(ExtensionException.class, () -> Extensions.discover(SampleExtensions.loader(dir,
                Map.of(GoodnessFunction.class, List.of(DuplicateSumOfSquares.class.getName())))));
        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("goodness function 'sum-squares' is provided twice: by dev.ffbench.goodness.SumOfSquares"
                + " (built in) and by dev.ffbench.sample.DuplicateSumOfSquares ("), problem);
        assertTrue(problem.endsWith("test-classes); allowed: one provider per name (rename one, or drop one jar from the"
                + " class path)"), problem);
    }

    @Test
    void aRegistrationThatNamesNoUsableClassIsNamed() {
        ExtensionException e = assertThrows(ExtensionException.class, () -> Extensions.discover(SampleExtensions.loader(dir,
                Map.of(Algorithm.class, List.of("com.example.Missing")))));
        assertTrue(e.problems().get(0).startsWith("an entry of META-INF/services/dev.ffbench.api.Algorithm cannot be"
                + " loaded: "), e.getMessage());
        assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
    }

    /** A project that registers its algorithm under the interface's old name would lose it without a word. */
    @Test
    void aRegistrationUnderTheOldInterfaceNameIsAnErrorNamingTheNewOne() throws Exception {
        Path services = java.nio.file.Files.createDirectories(dir.resolve("old/META-INF/services"));
        java.nio.file.Files.writeString(services.resolve("dev.ffbench.experiment.Algorithm"), TinyLocalAlgorithm.class.getName());
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.resolve("old").toUri().toURL()},
                getClass().getClassLoader());
        ExtensionException e = assertThrows(ExtensionException.class, () -> Extensions.discover(loader));
        assertEquals(List.of(Problem.found("algorithms", "are registered in " + services.resolve(
                "dev.ffbench.experiment.Algorithm").toUri().toURL() + ", the name of the interface before it moved",
                "META-INF/services/dev.ffbench.api.Algorithm (rename the file, import dev.ffbench.api.Algorithm and the"
                + " model contract from dev.ffbench.api, and run mvn clean: a copy under the old name stays in"
                + " target/classes until then)")), e.typedProblems());
        assertEquals(e.typedProblems().stream().map(Problem::message).toList(), e.problems());
    }

    /** An algorithm whose goodness option has another name than "goodness". */
    public static final class MisnamedGoodness implements Algorithm {
        @Override
        public String name() {
            return "misnamed";
        }

        @Override
        public String description() {
            return "a goodness option named gf";
        }

        @Override
        public List<dev.ffbench.api.Option<?>> options() {
            return List.of(dev.ffbench.api.Option.goodness("gf", "sum-squares", "its goodness function"));
        }

        @Override
        public dev.ffbench.api.Model build(dev.ffbench.api.ModelContext context) {
            throw new UnsupportedOperationException("never built");
        }
    }

    /** The goodness axis, the cell ids and the rule selectors read the option named goodness: another name is refused. */
    @Test
    void aGoodnessOptionOfAnotherNameIsRefusedAtDiscovery() {
        ExtensionException e = assertThrows(ExtensionException.class, () -> Extensions.discover(SampleExtensions.loader(dir,
                Map.of(Algorithm.class, List.of(MisnamedGoodness.class.getName())))));
        assertEquals(1, e.typedProblems().size(), e.getMessage());
        Problem problem = e.typedProblems().get(0);
        assertTrue(problem.thing().startsWith("algorithm 'misnamed' (dev.ffbench.experiment.ExtensionsTest$MisnamedGoodness, "),
                problem.thing());
        assertEquals(List.of("declares goodness options [gf]", "one, named 'goodness' (the matrix's goodness axis sets it,"
                + " and cell ids and rule selectors read it)"), List.of(problem.finding(), problem.allowed()));
    }
}
