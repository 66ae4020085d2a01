package dev.ffbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ffbench.experiment.ExperimentResult;
import dev.ffbench.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point the harness forks: a spec file in, a result file out. */
class FfEngineCliTest {

    @Test
    void runWritesTheResultJsonWithTheLedgerAndEnvironment(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, "{\"algorithm\": \"ff-base\", \"dataset\": \"synthetic:3:300:100\", \"depth\": 2,"
                + " \"width\": 16, \"epochs\": 1, \"batchSize\": 50}");
        Path out = dir.resolve("results/cell.json");

        int exit = FfEngineCli.execute("run", "--spec", spec.toString(), "--out", out.toString(), "--set", "seed=9");

        assertEquals(0, exit);
        JsonNode result = Json.mapper().readTree(out.toFile());
        assertEquals(ExperimentResult.SCHEMA_VERSION, result.get("schemaVersion").asInt());
        assertEquals(9, result.at("/spec/seed").asInt());
        assertEquals(16, result.at("/spec/width").asInt());
        assertTrue(result.at("/memory/trainingPeak/parameters").asLong() > 0);
        assertEquals("layer 2", result.at("/memory/trainingPhases/1/phase").asText());
        assertEquals("1.0.0-M2.1", result.at("/environment/nd4jVersion").asText());
        assertEquals("OPENBLAS", result.at("/environment/blasVendor").asText());
        double accuracy = result.get("testAccuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the result");
        }
    }

    @Test
    void benchmarkOverSeedsPrintsARowPerSeedAndTheMeanWithEachSeed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true));
            exit = FfEngineCli.execute("benchmark", "--algorithms", "ff-base", "--seeds", "1,2", "--set",
                    "dataset=synthetic:3:300:100", "--set", "width=16", "--set", "epochs=1", "--set", "batchSize=50");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        String[] lines = java.util.Arrays.stream(out.toString().strip().split("\n"))
                .filter(line -> !line.contains(" epochs (training s, samples/s):")).toArray(String[]::new);
        assertEquals(4, lines.length, out.toString()); // header, one row per seed, the mean
        double first = Double.parseDouble(lines[1].split("\\s+")[9]);
        double second = Double.parseDouble(lines[2].split("\\s+")[9]);
        String mean = String.format(java.util.Locale.ROOT, "%.2f %%", (first + second) / 2);
        assertTrue(lines[3].startsWith("ff-base"), lines[3]);
        assertTrue(lines[3].contains("test accuracy mean ") && lines[3].contains(" over seeds 1, 2 ("), lines[3]);
        assertTrue(lines[3].contains(String.format(java.util.Locale.ROOT, "(%.2f %%, %.2f %%)", first, second)), lines[3]);
        // the mean of the rounded figures is within rounding of the printed mean
        double printed = Double.parseDouble(lines[3].replaceAll(".*mean ([0-9.]+) %.*", "$1"));
        assertEquals((first + second) / 2, printed, 0.01, mean + " vs " + lines[3]);
    }

    @Test
    void benchmarkPrintsEachPhasesEpochSecondsAndSamplesPerSecondUnderItsRow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true));
            exit = FfEngineCli.execute("benchmark", "--algorithms", "ff-base,backprop", "--set",
                    "dataset=synthetic:3:300:100", "--set", "width=16", "--set", "epochs=2", "--set", "batchSize=50",
                    "--set", "schedule=layerwise");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        String[] lines = out.toString().strip().split("\n");
        // header; ff-base's row, an epochs line per layer; backprop's row, the epochs line of its one phase
        assertEquals(6, lines.length, out.toString());
        String epochs = " epochs \\(training s, samples/s\\): 1: \\d+\\.\\d{3} s [\\d,]+/s; 2: \\d+\\.\\d{3} s [\\d,]+/s;";
        assertTrue(lines[1].startsWith("ff-base "), lines[1]);
        assertTrue(lines[2].matches("ff-base +layer 1" + epochs), lines[2]);
        assertTrue(lines[3].matches("ff-base +layer 2" + epochs), lines[3]);
        assertTrue(lines[4].startsWith("backprop "), lines[4]);
        assertTrue(lines[5].matches("backprop +\\S.*" + epochs), lines[5]);
    }

    @Test
    void aBadSpecExitsWithCode2AndNamesTheField(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true));
            exit = FfEngineCli.execute("run", "--set", "depth=0", "--out", dir.resolve("r.json").toString());
        } finally {
            System.setErr(original);
        }
        assertEquals(2, exit);
        assertTrue(err.toString().contains("depth is '0'; allowed: a whole number >= 1"), err.toString());
        assertFalse(Files.exists(dir.resolve("r.json")), "nothing is written for a bad spec");
    }

    /**
     * benchmark resolves every algorithm's spec before any trains: an unknown setting and bad values of
     * both algorithms are one error, each problem once, and nothing (not even the table's header) is
     * printed before it.
     */
    @Test
    void benchmarkListsEveryProblemOfEveryAlgorithmOnceBeforeAnyRuns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int exit;
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            exit = FfEngineCli.execute("benchmark", "--algorithms", "ff-base,backprop", "--set", "bogus=1",
                    "--set", "epochs=-1", "--set", "threads=0");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        assertEquals(2, exit);
        String message = err.toString();
        assertTrue(message.contains("bogus is not a field of the spec nor an option of ff-base, backprop"), message);
        assertTrue(message.contains("threads is '0'; allowed: a whole number >= 1"), message);
        assertEquals(1, message.split("epochs is '-1'", -1).length - 1, "each problem once: " + message);
        assertEquals("", out.toString(), "nothing printed before the error");
    }

    @Test
    void listShowsEveryAlgorithmWithItsOptionsAndOrigin() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true));
            exit = FfEngineCli.execute("list");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        String text = out.toString();
        assertTrue(text.contains("  ff-recurrent (built in): Hinton's recurrent Forward-Forward"), text);
        assertTrue(text.contains("    iterations = 8; allowed: a whole number >= 1. synchronous updates per image"), text);
        assertTrue(text.contains("  backprop (built in): "), text);
        assertTrue(text.contains("  synthetic[:SEED:TRAIN:TEST][;classes=K] (built in)"), text);
    }

    /** Issue 24: the harness learns why a forked run failed from this file, never from the log's wording. */
    @Test
    void aFailedRunWritesItsKindAndMessageToTheFailureFile(@TempDir Path dir) throws Exception {
        Path failure = dir.resolve("failure.json");
        PrintStream original = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
            exit = FfEngineCli.execute("run", "--set", "depth=0", "--out", dir.resolve("r.json").toString(),
                    "--failure", failure.toString());
        } finally {
            System.setErr(original);
        }

        assertEquals(2, exit);
        RunFailure written = RunFailure.read(failure).orElseThrow();
        assertEquals(RunFailure.Kind.REJECTED, written.kind());
        assertTrue(written.message().startsWith("invalid experiment spec:\n  depth is '0'; allowed: a whole number >= 1"),
                written.message());

        Path passed = dir.resolve("passed.json");
        Files.writeString(dir.resolve("spec.json"), "{\"algorithm\": \"backprop\", \"dataset\": \"synthetic:3:300:100\","
                + " \"depth\": 1, \"width\": 16, \"epochs\": 1, \"batchSize\": 50}");
        assertEquals(0, FfEngineCli.execute("run", "--spec", dir.resolve("spec.json").toString(), "--out",
                dir.resolve("out.json").toString(), "--failure", passed.toString()));
        assertFalse(Files.exists(passed), "a run that passes writes no failure");
    }
}
