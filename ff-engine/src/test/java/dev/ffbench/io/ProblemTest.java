package dev.ffbench.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place a problem is worded: these sentences are what the ITs and the docs quote. */
class ProblemTest {
    @Test
    void aBadValueReadsThingIsValueAllowed() {
        assertEquals("depths is '0'; allowed: a whole number >= 1",
                new Problem("depths", "0", "a whole number >= 1").message());
    }

    @Test
    void aNoteSaysWhyAValueInRangeIsStillWrong() {
        assertEquals("rules[1].minimum is '0', which never fails: testAccuracy is never below 0; allowed: a minimum above 0",
                new Problem("rules[1].minimum", "0", "a minimum above 0",
                        "which never fails: testAccuracy is never below 0").message());
    }

    @Test
    void aMissingValueReadsIsNotSet() {
        Problem problem = Problem.notSet("ratios[1].algorithm", "one of ff-base, backprop");
        assertEquals("ratios[1].algorithm is not set; allowed: one of ff-base, backprop", problem.message());
        assertEquals(problem.message(), problem.toString());
    }

    @Test
    void aFindingFollowsTheThingInItsOwnWords() {
        Problem problem = Problem.found("line 4 of train.csv", "has 3 values", "the label, then 784 pixel values");
        assertEquals("line 4 of train.csv has 3 values; allowed: the label, then 784 pixel values", problem.message());
        assertEquals(null, problem.value());
        assertEquals("has 3 values", problem.finding());
        assertEquals("line 4 of train.csv has 3 values", problem.statement());
        assertEquals(Problem.found("dataset 'csv:d': line 4 of train.csv", "has 3 values", problem.allowed()),
                problem.within("dataset 'csv:d': "));
    }

    @Test
    void anEmptyValueIsShownQuotedNotAsMissing() {
        assertEquals("shard is ''; allowed: i/n", new Problem("shard", "", "i/n").message());
    }

    @Test
    void theExceptionKeepsTheProblemAsDataAndShowsItsSentence() {
        Problem problem = new Problem("failOnViolation", "flase", "true or false");
        HarnessException e = new HarnessException(problem);
        assertEquals("failOnViolation is 'flase'; allowed: true or false", e.getMessage());
        assertEquals(List.of(problem), e.typedProblems());
        assertEquals(List.of(problem.message()), e.problems());
    }

    @Test
    void aProblemNeedsAThingAndWhatIsAllowed() {
        assertThrows(NullPointerException.class, () -> new Problem(null, "1", "a number"));
        assertThrows(NullPointerException.class, () -> new Problem("depths", "1", null));
    }
}
