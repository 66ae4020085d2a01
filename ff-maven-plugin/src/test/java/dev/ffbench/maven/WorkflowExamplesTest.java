package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ffbench.results.OutputLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The example CI workflows (README's quick start, docs/ci.md) must use only what the plugin really has: goals and ff.* properties are
 * read from the plugin descriptor that maven-plugin-plugin generated from the mojos in this build,
 * file names from the harness's {@link OutputLayout} and the parameters' defaults; none of them from
 * a list kept in this test.
 */
class WorkflowExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples", "github-actions");
    static final Path DESCRIPTOR = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");
    static final OutputLayout LAYOUT = new OutputLayout(Path.of("target", "ff-benchmark"));
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Goal to its parameters: name to the user property (without "ff.") and default value. */
    static Map<String, Map<String, String[]>> goals;

    @BeforeAll
    static void readDescriptor() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), "maven-plugin-plugin writes " + DESCRIPTOR + " before the tests run");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(DESCRIPTOR.toFile());
        goals = new TreeMap<>();
        NodeList mojos = xml.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            Map<String, String[]> parameters = new TreeMap<>();
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            if (configuration != null) {
                for (Node node = configuration.getFirstChild(); node != null; node = node.getNextSibling()) {
                    if (node instanceof Element parameter) {
                        Matcher property = Pattern.compile("\\$\\{ff\\.([A-Za-z]+)}").matcher(parameter.getTextContent());
                        parameters.put(parameter.getTagName(), new String[] {property.find() ? property.group(1) : null,
                                parameter.getAttribute("default-value")});
                    }
                }
            }
            goals.put(goal, parameters);
        }
    }

    static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    /** The ff.* user properties a goal has. */
    static Set<String> properties(String goal) {
        Set<String> properties = new TreeSet<>();
        goals.get(goal).values().forEach(p -> {
            if (p[0] != null) {
                properties.add(p[0]);
            }
        });
        return properties;
    }

    static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** Each Maven command of a workflow, a folded ("run: >-") command joined into one line. */
    static List<String> mavenCommands(String yaml) {
        List<String> commands = new ArrayList<>();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("run: >-") || line.equals("run: |")) {
                int indent = lines.get(i).indexOf("run:");
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                        || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                    block.append(' ').append(lines.get(++i).trim());
                }
                line = "run: " + block.toString().trim();
            }
            if (line.startsWith("run: ") && line.contains("mvn ")) {
                commands.add(line.substring("run: ".length()));
            }
        }
        return commands;
    }

    static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theDescriptorHasTheGoalsTheExamplesNeed() {
        assertTrue(goals.keySet().containsAll(Set.of("benchmark", "check", "report", "baseline", "history")), goals.keySet().toString());
        assertTrue(properties("check").containsAll(Set.of("results", "baselineRef", "historyDirectory")));
    }

    @Test
    void everyWorkflowUsesOnlyGoalsAndPropertiesThePluginHasAndThemWithTheirGoals() throws IOException {
        List<Path> workflows = workflows();
        assertEquals(List.of("ff-benchmark-sharded.yml", "ff-benchmark.yml"),
                workflows.stream().map(p -> p.getFileName().toString()).toList());
        Set<String> everyProperty = new TreeSet<>();
        goals.keySet().forEach(goal -> everyProperty.addAll(properties(goal)));
        for (Path workflow : workflows) {
            String yaml = Files.readString(workflow, StandardCharsets.UTF_8);
            // anywhere, comments included
            for (String goal : all(Pattern.compile("\\bff:([a-z][a-z-]*)"), yaml)) {
                assertTrue(goals.containsKey(goal), workflow.getFileName() + " names ff:" + goal + ", which the plugin does not have");
            }
            for (String property : all(Pattern.compile("\\bff\\.([A-Za-z]+)\\b"), yaml)) {
                assertTrue(everyProperty.contains(property), workflow.getFileName() + " names ff." + property
                        + ", which no goal has: " + everyProperty);
            }
            // in each command, each -Dff.* is a parameter of a goal the command runs
            List<String> commands = mavenCommands(yaml);
            assertFalse(commands.isEmpty(), workflow.getFileName() + " runs Maven");
            for (String command : commands) {
                Set<String> commandGoals = all(Pattern.compile("\\bff:([a-z][a-z-]*)"), command);
                assertFalse(commandGoals.isEmpty(), "each Maven command runs an ff goal: " + command);
                Set<String> known = new TreeSet<>();
                commandGoals.forEach(goal -> known.addAll(properties(goal)));
                for (String property : all(Pattern.compile("-Dff\\.([A-Za-z]+)="), command)) {
                    assertTrue(known.contains(property), "ff." + property + " is no parameter of " + commandGoals + " in: " + command);
                }
            }
        }
    }

    @Test
    void everyWorkflowPublishesOnlyFilesThePluginWrites() throws IOException {
        String directory = relative(LAYOUT.directory());
        Set<String> written = new TreeSet<>();
        for (Path p : new Path[] {LAYOUT.results(), LAYOUT.summary(), LAYOUT.junit(), LAYOUT.report(), LAYOUT.cells()}) {
            written.add(relative(p));
        }
        assertEquals("${project.build.directory}/ff-benchmark", goals.get("check").get("outputDirectory")[1],
                "the workflows read the default output directory");
        for (Path workflow : workflows()) {
            String yaml = Files.readString(workflow, StandardCharsets.UTF_8);
            Set<String> referenced = new TreeSet<>();
            Matcher m = Pattern.compile(Pattern.quote(directory) + "/([A-Za-z0-9_.\\-]+)").matcher(yaml);
            while (m.find()) {
                referenced.add(directory + "/" + m.group(1));
            }
            assertTrue(written.containsAll(referenced), workflow.getFileName() + " names files the plugin does not write: "
                    + referenced + " vs " + written);
            for (String step : List.of("cat " + relative(LAYOUT.summary()) + " >> \"$GITHUB_STEP_SUMMARY\"",
                    "report_paths: " + relative(LAYOUT.junit()), "path: " + directory + "/")) {
                assertTrue(yaml.contains(step), workflow.getFileName() + " publishes with: " + step);
            }
            for (Path p : new Path[] {LAYOUT.report(), LAYOUT.results(), LAYOUT.summary(), LAYOUT.junit(), LAYOUT.cells()}) {
                assertTrue(yaml.contains(p.getFileName().toString()), "the comment lists what the artifact holds: " + p.getFileName());
            }
        }
    }

    @Test
    void theSingleJobWorkflowRunsTheBenchmarkAndPublishesEvenWhenTheGatesFail() throws IOException {
        String yaml = Files.readString(EXAMPLES.resolve("ff-benchmark.yml"), StandardCharsets.UTF_8);
        assertEquals(List.of("mvn -B ff:benchmark"), mavenCommands(yaml));
        assertEquals(3, yaml.split("if: always\\(\\)", -1).length - 1, "publishing steps run even when the gates fail the build");
    }

    @Test
    void theShardedWorkflowRunsEveryShardThenChecksThemAllAgainstTheTargetBranch() throws IOException {
        String yaml = Files.readString(EXAMPLES.resolve("ff-benchmark-sharded.yml"), StandardCharsets.UTF_8);
        List<String> commands = mavenCommands(yaml);
        assertEquals(3, commands.size(), commands.toString());

        // the shard jobs: one per value of strategy.matrix.shard, and as many as the n of i/n
        Matcher list = Pattern.compile("(?m)^\\s+shard: \\[([0-9, ]+)]$").matcher(yaml);
        assertTrue(list.find(), "a strategy.matrix of shards");
        List<String> shards = List.of(list.group(1).split(",\\s*"));
        Matcher benchmark = Pattern.compile("^mvn -B ff:benchmark -Dff\\.shard=\\$\\{\\{ matrix\\.shard }}/(\\d+)$").matcher(commands.get(0));
        assertTrue(benchmark.find(), commands.get(0));
        int n = Integer.parseInt(benchmark.group(1));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add(String.valueOf(i));
        }
        assertEquals(expected, shards, "shards 1.." + n + ", each once");

        // each shard uploads its output directory under a name the check job downloads
        Map<String, String> upload = step(yaml, "Upload this shard's results");
        assertEquals("ff-shard-${{ matrix.shard }}", upload.get("name"));
        assertEquals(relative(LAYOUT.directory()) + "/", upload.get("path"));
        assertEquals("always()", upload.get("if"), "a failing shard still uploads what it recorded");
        Map<String, String> download = step(yaml, "Download every shard's results");
        assertEquals("ff-shard-*", download.get("pattern"));
        String shardDirectory = download.get("path");

        // the check job reads every shard's results.json where download-artifact puts them (one directory per artifact)
        assertEquals("mvn -B ff:check -Dff.results=\"$(ls " + shardDirectory + "/*/" + LAYOUT.results().getFileName()
                + " | paste -sd, -)\" -Dff.baselineRef=\"${{ github.event_name == 'pull_request' && format('origin/{0}',"
                + " github.base_ref) || '' }}\"", commands.get(1));
        assertTrue(yaml.contains("needs: shard"), "the check waits for every shard");
        assertTrue(yaml.contains("fetch-depth: 0"), "git has the target branch that ff.baselineRef names");

        // the history: ff:history on a push to main, into the branch ff-history checked out at the plugin's default directory
        assertEquals("mvn -B ff:history", commands.get(2));
        String history = goals.get("history").get("historyDirectory")[1];
        assertEquals(history, goals.get("check").get("historyDirectory")[1], "ff:check draws what ff:history writes");
        assertTrue(history.startsWith("${project.basedir}/"), history);
        String historyPath = history.substring("${project.basedir}/".length());
        assertEquals(2, yaml.split(Pattern.quote("git worktree add --quiet --detach " + historyPath + " FETCH_HEAD"), -1).length - 1,
                "the check job (for the trends) and the history job check the branch out at " + historyPath);
        assertTrue(yaml.contains("git push --quiet origin HEAD:refs/heads/ff-history"), "the history job pushes the branch");
        assertEquals("marocchino/sticky-pull-request-comment@v2", step(yaml, "Comparison table on the pull request").get("uses"));
        assertEquals(relative(LAYOUT.summary()), step(yaml, "Comparison table on the pull request").get("path"));
    }

    @Test
    void onlyTheJobThatPushesTheHistoryMayWriteAndOnlyOnAPushToMain() throws IOException {
        for (Path workflow : workflows()) {
            JsonNode yaml = YAML.readTree(workflow.toFile());
            assertEquals("{\"contents\":\"read\"}", yaml.get("permissions").toString(), workflow.getFileName() + ": read only by default");
            for (Iterator<Map.Entry<String, JsonNode>> jobs = yaml.get("jobs").fields(); jobs.hasNext(); ) {
                Map.Entry<String, JsonNode> job = jobs.next();
                JsonNode permissions = job.getValue().path("permissions");
                boolean writes = permissions.path("contents").asText().equals("write");
                assertEquals(job.getKey().equals("history"), writes, workflow.getFileName() + " job " + job.getKey() + ": " + permissions);
                if (writes) {
                    assertEquals("${{ !cancelled() && github.event_name == 'push' && github.ref == 'refs/heads/main' }}",
                            job.getValue().get("if").asText());
                }
            }
        }
    }

    @Test
    void everyJobThatRunsMavenInstallsFfBenchFirstCachedByTheRevision() throws IOException {
        for (Path workflow : workflows()) {
            JsonNode yaml = YAML.readTree(workflow.toFile());
            assertTrue(yaml.get("env").has("FF_BENCH_REPO") && yaml.get("env").has("FF_BENCH_REF"), workflow.getFileName().toString());
            for (Iterator<Map.Entry<String, JsonNode>> jobs = yaml.get("jobs").fields(); jobs.hasNext(); ) {
                Map.Entry<String, JsonNode> job = jobs.next();
                List<String> names = new ArrayList<>();
                int firstMaven = -1;
                for (JsonNode step : job.getValue().get("steps")) {
                    if (firstMaven < 0 && step.path("run").asText().contains("mvn -B ff:")) {
                        firstMaven = names.size();
                    }
                    names.add(step.path("name").asText(step.path("uses").asText()));
                }
                assertTrue(firstMaven > 0, job.getKey() + " runs Maven");
                int install = names.indexOf("Install FF Bench");
                assertTrue(install > 0 && install < firstMaven, workflow.getFileName() + " job " + job.getKey() + ": " + names);
                assertEquals(List.of("Resolve FF Bench's revision", "Cache FF Bench"), names.subList(install - 2, install));
                JsonNode cache = job.getValue().get("steps").get(install - 1);
                assertEquals("~/.m2/repository/dev/ffbench", cache.get("with").get("path").asText());
                assertEquals("ff-bench-${{ steps.ff-bench.outputs.commit }}", cache.get("with").get("key").asText());
                assertEquals("steps.ff-bench-cache.outputs.cache-hit != 'true'", job.getValue().get("steps").get(install).get("if").asText());
            }
        }
    }

    /** The keys of the step named {@code name} (its own and its with: block), flattened. */
    static Map<String, String> step(String yaml, String name) {
        List<String> lines = yaml.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("- name: " + name)) {
                start = i;
            }
        }
        assertTrue(start >= 0, "no step named " + name);
        int indent = lines.get(start).indexOf('-');
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            if (line.length() - line.stripLeading().length() <= indent) {
                break;
            }
            Matcher kv = Pattern.compile("^\\s+([a-z_-]+): ?(.*)$").matcher(line);
            if (kv.find() && !kv.group(2).isEmpty()) {
                keys.put(kv.group(1), kv.group(2).trim());
            }
        }
        return keys;
    }

    static String relative(Path file) {
        return Path.of("").toAbsolutePath().relativize(file).toString().replace('\\', '/');
    }
}
