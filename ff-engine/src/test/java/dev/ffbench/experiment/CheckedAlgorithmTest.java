package dev.ffbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.io.Problem;
import dev.ffbench.sample.SampleExtensions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a project's algorithm declares is checked where the engine reads it, and its code's exceptions
 * there name the algorithm, its class and origin, the method and the line that threw: never a bare
 * NullPointerException from deep in a matrix expansion.
 */
class CheckedAlgorithmTest {
    @TempDir
    Path dir;

    private Extensions discover(Class<?>... algorithms) {
        return Extensions.discover(SampleExtensions.loader(dir,
                Map.of(Algorithm.class, java.util.Arrays.stream(algorithms).map(Class::getName).toList())));
    }

    @Test
    void anExceptionFromProblemsNamesTheAlgorithmItsClassTheMethodAndTheLine() {
        SpecResolver resolver = new SpecResolver(discover(ThrowingProblems.class));
        ExtensionException e = assertThrows(ExtensionException.class,
                () -> resolver.resolve(Map.of("algorithm", "throwing-problems")));
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("algorithm 'throwing-problems' (" + ThrowingProblems.class.getName() + ", "), problem);
        assertTrue(problem.contains("test-classes) threw java.lang.NullPointerException: no table in problems(spec) at "
                + ThrowingProblems.class.getName() + ".problems(CheckedAlgorithmTest.java:"), problem);
        assertTrue(problem.endsWith("; allowed: problems(spec) returns its value without throwing"), problem);
    }

    @Test
    void declarationsThatCouldMisleadAreRefusedNamingTheValue() {
        Extensions found = discover(BadDeclarations.class);
        Algorithm bad = found.algorithm("bad-declarations");
        ExperimentSpec spec = ExperimentSpec.defaults();
        assertEquals(List.of("algorithm 'bad-declarations' (" + BadDeclarations.class.getName() + ", " + found.algorithmOrigin(
                "bad-declarations") + ")'s minimumBytes(spec, inputSize, classes) returned OptionalLong[-5]; allowed: a byte"
                + " count >= 0, or OptionalLong.empty() when it does not say"),
                assertThrows(ExtensionException.class, () -> bad.minimumBytes(spec, 784, 10)).problems());
        String algorithm = "algorithm 'bad-declarations' (" + BadDeclarations.class.getName() + ", "
                + found.algorithmOrigin("bad-declarations") + ")";
        assertEquals(List.of(Problem.found(algorithm + "'s defaultLearningRate()", "returned NaN", "a finite number > 0")),
                assertThrows(ExtensionException.class, bad::defaultLearningRate).typedProblems());
        assertEquals(List.of(Problem.found(algorithm + "'s defaultBatchSize()", "returned 0",
                "a whole number >= 1, or null for the spec's default")),
                assertThrows(ExtensionException.class, bad::defaultBatchSize).typedProblems());
        assertEquals(List.of(Problem.found(algorithm + "'s problems(spec)", "returned null",
                "a list of problems, none null (empty when the spec can run)")),
                assertThrows(ExtensionException.class, () -> bad.problems(spec)).typedProblems());
    }

    @Test
    void optionsThatAreNullTwiceOrAShareFieldAreRefusedAtDiscovery() {
        ExtensionException e = assertThrows(ExtensionException.class, () -> discover(NullOptions.class, TwiceOptions.class));
        assertEquals(2, e.typedProblems().size(), e.getMessage());
        Problem nullOptions = e.typedProblems().get(0);
        assertTrue(nullOptions.thing().startsWith("algorithm 'null-options' (" + NullOptions.class.getName() + ", "),
                nullOptions.thing());
        assertTrue(nullOptions.thing().endsWith("'s options()"), nullOptions.thing());
        assertEquals(List.of("returned null", "a list of options (empty when it has none)"),
                List.of(nullOptions.finding(), nullOptions.allowed()));
        Problem shared = e.typedProblems().get(1);
        assertEquals(List.of("declares option 'depth', the name of a shared field", "options named apart from the shared"
                + " fields (algorithm, dataset, depth, width, epochs, batchSize, optimizer, learningRate, seed, threads,"
                + " maxStepsPerEpoch, evaluateEvery, targetAccuracy)"), List.of(shared.finding(), shared.allowed()));
    }

    @Test
    void anOptionDefaultItsOwnRangeRefusesIsNamedAtDiscoveryNotInEveryCell() {
        ExtensionException e = assertThrows(ExtensionException.class, () -> discover(BadDefault.class));
        Problem problem = e.typedProblems().get(0);
        assertEquals(List.of("declares option 'k' with the default -1, which the option itself refuses", "a whole number >= 0"),
                List.of(problem.finding(), problem.allowed()), e.getMessage());
    }

    @Test
    void aBuildThatReturnsNullIsNamed() {
        Algorithm nullModel = discover(NullModel.class).algorithm("null-model");
        ExtensionException e = assertThrows(ExtensionException.class, () -> nullModel.build(null));
        Problem problem = e.typedProblems().get(0);
        assertTrue(problem.thing().endsWith("'s build(context)"), problem.thing());
        assertEquals(List.of("returned null", "a Model (its training phases and its predictor)"),
                List.of(problem.finding(), problem.allowed()), e.getMessage());
    }

    @Test
    void aNameThatThrowsIsNamedByItsClass() {
        ExtensionException e = assertThrows(ExtensionException.class, () -> discover(ThrowingName.class));
        Problem problem = e.typedProblems().get(0);
        assertTrue(problem.thing().startsWith("algorithm " + ThrowingName.class.getName() + " ("), e.getMessage());
        assertEquals(List.of("threw java.lang.IllegalStateException: not configured in name()",
                "name() returns its name without throwing"), List.of(problem.finding(), problem.allowed()), e.getMessage());
    }

    /** The parts every sample shares: a name and a model that is never built. */
    abstract static class Sample implements Algorithm {
        @Override
        public String description() {
            return "a sample of a fault in a declaration";
        }

        @Override
        public Model build(ModelContext context) {
            throw new UnsupportedOperationException("never built");
        }
    }

    public static final class ThrowingProblems extends Sample {
        private Map<String, Integer> table;

        public String name() { return "throwing-problems"; }

        @Override
        public List<String> problems(ExperimentSpec spec) {
            if (table == null) {
                throw new NullPointerException("no table");
            }
            return List.of();
        }
    }

    public static final class BadDeclarations extends Sample {
        public String name() { return "bad-declarations"; }

        @Override
        public double defaultLearningRate() { return Double.NaN; }

        @Override
        public Integer defaultBatchSize() { return 0; }

        @Override
        public List<String> problems(ExperimentSpec spec) { return null; }

        @Override
        public OptionalLong minimumBytes(ExperimentSpec spec, int inputSize, int classes) { return OptionalLong.of(-5); }
    }

    public static final class NullOptions extends Sample {
        public String name() { return "null-options"; }

        @Override
        public List<Option<?>> options() { return null; }
    }

    public static final class TwiceOptions extends Sample {
        public String name() { return "shared-name-option"; }

        @Override
        public List<Option<?>> options() { return List.of(Option.integer("depth", 3, "a second depth")); }
    }

    public static final class BadDefault extends Sample {
        public String name() { return "bad-default"; }

        @Override
        public List<Option<?>> options() { return List.of(Option.integer("k", -1, "a count").atLeast(0)); }
    }

    public static final class NullModel extends Sample {
        public String name() { return "null-model"; }

        @Override
        public Model build(ModelContext context) { return null; }
    }

    public static final class ThrowingName extends Sample {
        public String name() { throw new IllegalStateException("not configured"); }
    }
}
