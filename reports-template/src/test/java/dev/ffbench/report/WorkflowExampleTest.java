package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.harness.OutputLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's CI example must publish what the plugin really writes: the file names come from the
 * harness's {@link OutputLayout}, not from this test.
 */
class WorkflowExampleTest {
    static final Path WORKFLOW = Path.of("..", "examples", "github-actions", "ff-benchmark.yml");
    static final OutputLayout LAYOUT = new OutputLayout(Path.of("target", "ff-benchmark"));

    static String relative(Path file) {
        return Path.of("").toAbsolutePath().relativize(file).toString().replace('\\', '/');
    }

    @Test
    void theWorkflowReferencesExactlyTheFilesThePluginWrites() throws IOException {
        String yaml = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        String directory = relative(LAYOUT.directory());
        String summary = relative(LAYOUT.summary());
        String junit = relative(LAYOUT.junit());

        assertTrue(yaml.contains("path: " + directory + "/"), "uploads the whole output directory " + directory);
        assertTrue(yaml.contains("cat " + summary + " >> \"$GITHUB_STEP_SUMMARY\""), "appends " + summary + " to the job summary");
        assertTrue(yaml.contains("report_paths: " + junit), "feeds " + junit + " to the test reporter");
        assertTrue(yaml.contains("run: mvn -B ff:benchmark"), "runs ff:benchmark");
        assertEquals(3, yaml.split("if: always\\(\\)", -1).length - 1, "publishing steps run even when the gates fail the build");

        // Every path under the output directory that the workflow names must be one the plugin writes.
        Set<String> written = new TreeSet<>();
        for (Path p : new Path[] {LAYOUT.results(), LAYOUT.summary(), LAYOUT.junit(), LAYOUT.report(), LAYOUT.cells()}) {
            written.add(relative(p));
        }
        Matcher m = Pattern.compile(Pattern.quote(directory) + "/([A-Za-z0-9_.\\-]+)").matcher(yaml);
        Set<String> referenced = new TreeSet<>();
        while (m.find()) {
            referenced.add(directory + "/" + m.group(1));
        }
        assertTrue(written.containsAll(referenced), "the workflow names files the plugin does not write: " + referenced
                + " vs " + written);
        assertEquals(Set.of(summary, junit), referenced, "the steps name the summary and the JUnit XML by path");
        for (Path p : new Path[] {LAYOUT.report(), LAYOUT.results(), LAYOUT.summary(), LAYOUT.junit(), LAYOUT.cells()}) {
            assertTrue(yaml.contains(p.getFileName().toString()), "the comment lists what the artifact holds: " + p.getFileName());
        }
    }
}
