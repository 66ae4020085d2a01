package dev.ffbench.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.ComparisonFixture;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Issue 21: JUnit test names CI history can follow, with the bounds and figures in the messages. */
class JUnitXmlWriterTest {

    /** classname + " / " + name of every test case, mapped to its message (failure, skipped or system-out). */
    static Map<String, String> cases(String xml) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("testcase");
        Map<String, String> cases = new LinkedHashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element testcase = (Element) nodes.item(i);
            String key = testcase.getAttribute("classname") + " / " + testcase.getAttribute("name");
            assertEquals(null, cases.put(key, testcase.getTextContent()
                    + (testcase.getElementsByTagName("skipped").getLength() > 0
                            ? ((Element) testcase.getElementsByTagName("skipped").item(0)).getAttribute("message") : "")),
                    "each name once: " + key);
        }
        return cases;
    }

    private static String xml(String accuracyNoiseSigmas) {
        return JUnitXmlWriter.xml(JudgedInputs.of(new GateParameters(null, null, null, null, accuracyNoiseSigmas,
                null, false), ComparisonFixture.results(), ComparisonFixture.baseline()));
    }

    /** Issue 20: a cell's warnings in the JUnit XML are the gates' own sentences, as the log and summary.md word them. */
    @Test
    void aCellsWarningsAreTheGatesWarningsWordedOnce() throws Exception {
        ResultsDocument results = TestCells.results(List.of(
                TestCells.degenerate(0, "ff-d2", TestCells.spec("ff-base", 2, 16, 1), 0.1, "every prediction is class 3"),
                TestCells.withDeadUnits(1, "bp-d2", TestCells.spec("backprop", 2, 16, 1), 0.9, List.of(0.75, 0.0))));
        ReportInputs inputs = JudgedInputs.of(GateParameters.defaults(), results, ComparisonFixture.baseline());

        Map<String, String> cases = cases(JUnitXmlWriter.xml(inputs));

        String degenerate = "ff-d2: the test predictions are degenerate (every prediction is class 3); its accuracy is not a"
                + " measure of learning";
        assertTrue(cases.get("ff.cells / ff-d2").startsWith("WARNING: " + degenerate), cases.get("ff.cells / ff-d2"));
        String deadUnits = inputs.gates().warnings().stream().filter(w -> w.startsWith("bp-d2: dead units")).findFirst().get();
        assertEquals("WARNING: " + deadUnits, cases.get("ff.cells / bp-d2"));
        for (String line : (cases.get("ff.cells / ff-d2") + "\n" + cases.get("ff.cells / bp-d2")).split("\n")) {
            assertTrue(inputs.gates().warnings().contains(line.substring("WARNING: ".length())), line);
        }
    }

    @Test
    void namesAreKindCellAndMetricTheSameWhenTheSeedNoiseAllowanceDiffers() throws Exception {
        Map<String, String> two = cases(xml("2"));
        Map<String, String> three = cases(xml("3"));

        assertEquals(two.keySet(), three.keySet());
        String group = "ff.gates.baseline / ff-base-sum-squares-d2-w16: testAccuracy";
        assertTrue(two.containsKey(group), two.keySet().toString());
        assertTrue(two.containsKey("ff.gates.baseline / backprop-d2-w16-s1: trainingPeakBytes"), two.keySet().toString());
        assertTrue(two.get(group).contains("(1.00 + 2.91 for seed noise)"), two.get(group));
        assertTrue(three.get(group).contains("(1.00 + 4.36 for seed noise)"), three.get(group));
        assertNotEquals(two.get(group), three.get(group));
    }

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

    @Test
    void twoRulesOnOneCellAndMetricAreNumberedNotMerged() throws Exception {
        GateParameters twoRules = new GateParameters(List.of(
                Map.of("algorithm", "backprop", "depth", "4", "metric", "testAccuracy", "minimum", "0.5"),
                Map.of("algorithm", "backprop", "depth", "4", "metric", "testAccuracy", "maximum", "0.95")),
                List.of(), null, null, null, null, false);
        Map<String, String> cases = cases(JUnitXmlWriter.xml(JudgedInputs.of(twoRules,
                ComparisonFixture.results(), ComparisonFixture.baseline())));

        assertTrue(cases.containsKey("ff.gates.absolute / backprop-d4-w16-s1: testAccuracy"), cases.keySet().toString());
        assertTrue(cases.containsKey("ff.gates.absolute / backprop-d4-w16-s1: testAccuracy #2"), cases.keySet().toString());
    }
}
