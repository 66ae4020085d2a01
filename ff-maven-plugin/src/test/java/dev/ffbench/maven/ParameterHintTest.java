package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import dev.ffbench.matrix.MatrixExpander;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reminder of where parameters are set follows what a problem is about, as data, not its wording. */
class ParameterHintTest {
    /** Some of ff:benchmark's parameter names, as its descriptor lists them. */
    private static final Set<String> BENCHMARK = Set.of("algorithms", "depths", "widths", "dataset", "rules", "settings",
            "outputDirectory", "java", "baselineRef");

    @TempDir
    Path dir;

    @Test
    void aParameterOfTheGoalGetsTheHintWhateverItsProblemSays() {
        HarnessException e = assertThrows(HarnessException.class, () -> MatrixExpander.expand(MatrixParameters.builder()
                .algorithms("backprop").depths("0").widths("16").dataset("synthetic:7:200:50").build(), dir,
                Extensions.engine()));
        assertEquals(List.of(new Problem("depths", "0", "a whole number >= 1")), e.typedProblems());
        assertTrue(ParameterHint.applies(e, BENCHMARK));
        assertFalse(ParameterHint.applies(e, Set.of("results")), "not a parameter of this goal");

        assertTrue(ParameterHint.applies(new HarnessException(Problem.found("rules[1]: 'colour=red'", "is not a field=value"
                + " pair of a known field", "the fields ...")), BENCHMARK), "an element of a nested parameter");
        assertTrue(ParameterHint.applies(new HarnessException(Problem.found("settings: 'depth=3'", "sets depth, which is a"
                + " matrix parameter", "...")), BENCHMARK));
    }

    @Test
    void aCellOfTheMatrixGetsTheHintSinceParametersMakeIt() {
        assertTrue(ParameterHint.applies(new HarnessException(Problem.found("cell backprop-d1-w2000000000-s1 (depth 1, width"
                + " 2000000000)", "needs at least 25,440,000,000,160 B", "a cell that fits: a smaller width or depth")), BENCHMARK));
    }

    @Test
    void aFileOrAFailureBeneathOrAProblemWithoutDataGetsNone() throws Exception {
        Path array = Files.writeString(dir.resolve("results.json"), "[]");
        HarnessException noObject = assertThrows(HarnessException.class,
                () -> ResultsFiles.read(array, "results.json", ResultsDocument.RESULTS));
        assertEquals("file results.json", noObject.typedProblems().get(0).thing());
        assertFalse(ParameterHint.applies(noObject, BENCHMARK), "a file's problem, though its allowed says what is");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{ not json");
        HarnessException notJson = assertThrows(HarnessException.class,
                () -> ResultsFiles.read(broken, "broken.json", ResultsDocument.RESULTS));
        assertFalse(ParameterHint.applies(notJson, Set.of("file")), "a parser's failure beneath: no parameter fixes it");

        HarnessException caused = new HarnessException(new Problem("baselineRef", "main", "git on the PATH"));
        caused.initCause(new java.io.IOException("git: not found"));
        assertFalse(ParameterHint.applies(caused, BENCHMARK), "git cannot be run: a parameter's value, but not its fault");

        // an algorithm words its own problems: a sentence with "allowed:" but no data to tell what it is about
        assertFalse(ParameterHint.applies(new HarnessException(List.of("cell spec: scoreFrom..scoreTo is 3..5; allowed:"
                + " 1 <= scoreFrom <= scoreTo <= iterations (4)")), BENCHMARK));
    }

    @Test
    void theSubjectIsTheNameTheThingStartsWith() {
        assertEquals("rules", ParameterHint.subject(new Problem("rules[1].minimum", "0", "a minimum above 0")));
        assertEquals("outputDirectory", ParameterHint.subject(Problem.found("outputDirectory /tmp/x", "is a regular file",
                "a directory")));
        assertEquals("the", ParameterHint.subject(Problem.found("the forks' java (parameter java, -Dff.java)", "is 'x'",
                "a Java 17 or newer")));
    }
}
