package dev.ffbench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A misspelled switch is an error, never a silent false (which would make the gates advisory). */
class FlagTest {
    @Test
    void trueAndFalseInAnyCaseAreTheOnlyValues() {
        assertTrue(Flag.parse("failOnViolation", "true"));
        assertTrue(Flag.parse("failOnViolation", " TRUE "));
        assertFalse(Flag.parse("failOnViolation", "False"));
        for (String bad : new String[] {"flase", "", "yes", "0"}) {
            HarnessException e = assertThrows(HarnessException.class, () -> Flag.parse("failOnViolation", bad));
            assertEquals(List.of(new Problem("failOnViolation", bad, "true or false")), e.typedProblems());
        }
        assertEquals(List.of(new Problem("resume", "null", "true or false")),
                assertThrows(HarnessException.class, () -> Flag.parse("resume", null)).typedProblems());
    }
}
