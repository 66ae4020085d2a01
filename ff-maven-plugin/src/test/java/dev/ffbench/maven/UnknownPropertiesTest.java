package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A -Dff.x that no goal reads is a warning with the nearest name, never silently ignored. */
class UnknownPropertiesTest {
    private static final List<String> KNOWN = List.of("ff.epochs", "ff.results", "ff.dataset", "ff.depths");

    @Test
    void aTypoIsNamedWithTheClosestParameterAndAnotherGoalsPropertyIsNot() {
        Properties properties = new Properties();
        properties.setProperty("ff.epocs", "2");
        properties.setProperty("ff.results", "a.json");      // ff:check's, on the same command line
        properties.setProperty("ff.zzzzzzzzzz", "1");
        properties.setProperty("maven.repo.local", "/tmp"); // not ours
        assertEquals(List.of(
                "-Dff.epocs is not a parameter of any ff goal and is ignored; did you mean -Dff.epochs? (mvn ff:help -Ddetail"
                        + " lists them)",
                "-Dff.zzzzzzzzzz is not a parameter of any ff goal and is ignored (mvn ff:help -Ddetail lists them)"),
                UnknownProperties.warnings(properties, KNOWN));
    }
}
