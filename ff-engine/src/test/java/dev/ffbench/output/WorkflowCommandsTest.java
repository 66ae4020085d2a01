package dev.ffbench.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.gate.ComparisonFixture;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.TestCells;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 21: violations and failed cells as GitHub workflow commands, escaped as GitHub specifies, only under Actions. */
class WorkflowCommandsTest {
    @Test
    void messagesEscapePercentCarriageReturnAndLineFeedAndPropertiesAlsoColonAndComma() {
        assertEquals("50%25 done%0D%0Anext: a, b", WorkflowCommands.escapeData("50% done\r\nnext: a, b"));
        assertEquals("50%25 done%0D%0Anext%3A a%2C b", WorkflowCommands.escapeProperty("50% done\r\nnext: a, b"));
        assertEquals("::error title=a%3A b%2C c::line 1%0Aline 2: 5%25",
                WorkflowCommands.command("error", "a: b, c", "line 1\nline 2: 5%"));
    }

    @Test
    void eachFailedCellAndViolationIsAnErrorAndTheGatesWarningsAreWarnings() {
        ReportInputs inputs = JudgedInputs.of(GateParameters.defaults(), ComparisonFixture.results(), ComparisonFixture.baseline());
        String violation = inputs.gates().violations().get(0).detail();

        assertEquals(List.of(
                "::error title=FF Bench%3A cell ff-base-sum-squares-d8-w16-s1 failed::timed out after 1 s",
                "::error title=FF Bench%3A baseline gate violation%3A backprop-d2-w16-s1%3A trainingPeakBytes::"
                        + WorkflowCommands.escapeData(violation)), WorkflowCommands.lines(inputs).subList(0, 2));
        assertEquals(2 + inputs.gates().warnings().size(), WorkflowCommands.lines(inputs).size(), WorkflowCommands.lines(inputs)
                .toString());
    }

    @Test
    void anAdvisoryViolationSaysSoInItsTitleAndADegenerateCellIsAWarning() {
        GateParameters advisory = new GateParameters(null, null, null, null, null, null, false, false);
        ResultsDocument results = TestCells.results(List.of(TestCells.degenerate(0, "ff-base-sum-squares-d2-w16-s1",
                TestCells.spec("ff-base", 2, 16, 1), 0.1, "every prediction is class 3")));
        ResultsDocument baseline = ComparisonFixture.baseline();

        List<String> lines = WorkflowCommands.lines(JudgedInputs.of(advisory, results, baseline));

        assertEquals(1, lines.stream().filter(line -> line.startsWith("::warning") && line.contains("degenerate")).count(),
                "once, as the gates' warning");
        assertEquals("::warning title=FF Bench::ff-base-sum-squares-d2-w16-s1: the test predictions are degenerate (every"
                + " prediction is class 3); its accuracy is not a measure of learning", lines.stream()
                .filter(line -> line.startsWith("::warning") && line.contains("degenerate")).findFirst().get());
        assertEquals(true, lines.stream().filter(line -> line.startsWith("::error")).allMatch(line -> line.startsWith(
                "::error title=FF Bench%3A baseline gate violation (advisory%3A failOnViolation=false)%3A ")), lines.toString());
    }

    @Test
    void nothingIsPrintedUnlessGithubActionsIsTrue() {
        ReportInputs inputs = JudgedInputs.of(GateParameters.defaults(), ComparisonFixture.results(), ComparisonFixture.baseline());
        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("GITHUB_ACTIONS", "false"),
                Map.of("CI", "true"))) {
            assertEquals("", printed(environment, inputs), environment.toString());
        }
        assertEquals(String.join("\n", WorkflowCommands.lines(inputs)) + "\n", printed(Map.of("GITHUB_ACTIONS", "true"),
                inputs));
    }

    private static String printed(Map<String, String> environment, ReportInputs inputs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new WorkflowCommands(environment::get, out).write(inputs);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
