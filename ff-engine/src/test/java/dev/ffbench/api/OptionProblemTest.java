package dev.ffbench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.io.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An option's value that its declaration refuses is a problem naming the option, the value and what is allowed. */
class OptionProblemTest {
    private static final Option<Integer> ITERATIONS = Option.integer("iterations", 8, "steps of the state").atLeast(1);
    private static final Option<Double> DAMPING = Option.number("damping", 0.3, "weight of the old state").atLeast(0).below(1);
    private static final Option<String> GOODNESS = Option.goodness("goodness", "sum-of-squares", "the goodness function");

    @Test
    void aValueOutsideTheDeclarationIsAProblemWithTheValueAsWritten() {
        assertEquals(new Problem("iterations", "0", "a whole number >= 1"), ITERATIONS.problem(" 0 ", List.of()));
        assertEquals(new Problem("iterations", "2.5", "a whole number >= 1"), ITERATIONS.problem(2.5, List.of()));
        assertEquals(new Problem("damping", "1", "a finite number >= 0 and < 1"), DAMPING.problem("1", List.of()));
        assertEquals(new Problem("goodness", "cube", "a goodness function: sum-of-squares, mean"),
                GOODNESS.problem("cube", List.of("sum-of-squares", "mean")));
        assertEquals(Problem.found("iterations", "is empty", "a whole number >= 1"), ITERATIONS.problem(null, List.of()));
        assertNull(ITERATIONS.problem("3", List.of()));
        assertNull(DAMPING.problem(0.5, List.of()));
    }

    @Test
    void parseAddsTheProblemsSentenceAndGivesNoValue() {
        List<String> problems = new ArrayList<>();
        assertNull(ITERATIONS.parse("0", List.of(), problems));
        assertEquals(Integer.valueOf(3), ITERATIONS.parse(" 3", List.of(), problems));
        assertEquals(List.of("iterations is '0'; allowed: a whole number >= 1"), problems);
    }

    @Test
    void anOptionNameThatIsNoFieldNameIsRefused() {
        assertEquals("option name 'Iterations' is not allowed; allowed: letters and digits, starting with a lower-case"
                + " letter (e.g. iterations)",
                assertThrows(IllegalArgumentException.class, () -> Option.integer("Iterations", 1, "")).getMessage());
    }
}
