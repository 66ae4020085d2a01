package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.GateParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 21: the JUnit XML names what its gates were judged against. */
class JUnitXmlWriterTest {

    @Test
    void theSuiteNamesTheBaselineTheCommitsTheVerdictAndTheEnvironmentAsProperties() {
        var inputs = JudgedInputs.of(GateParameters.defaults(), ComparisonFixture.results(),
                ComparisonFixture.baseline());
        Map<String, String> properties = JUnitXmlWriter.properties(inputs);

        assertEquals(List.of("ff.baseline", "ff.baselineCommit", "ff.headCommit", "ff.verdict", "ff.environment.javaVersion",
                "ff.environment.javaVm", "ff.environment.nd4jVersion", "ff.environment.nd4jBackend",
                "ff.environment.blasVendor", "ff.environment.openblasCoreType", "ff.environment.cpuModel",
                "ff.environment.availableProcessors", "ff.environment.threads"), List.copyOf(properties.keySet()));
        assertEquals("ff-baseline.json", properties.get("ff.baseline"));
        assertEquals("9f8e7d6", properties.get("ff.baselineCommit"));
        assertEquals("failed", properties.get("ff.verdict"));
        assertEquals("17.0.15", properties.get("ff.environment.javaVersion"));
        assertTrue(JUnitXmlWriter.xml(inputs).contains("<property name=\"ff.baseline\" value=\"ff-baseline.json\"/>"));
    }
}
