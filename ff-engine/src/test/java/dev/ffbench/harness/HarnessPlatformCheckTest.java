package dev.ffbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffbench.fork.ForkOptions;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.RecordingLog;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.platform.Machine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ff:benchmark with native libraries for another platform: one error before any cell forks, nothing written. */
class HarnessPlatformCheckTest {
    @TempDir
    Path dir;

    @Test
    void nativeLibrariesForAnotherPlatformAreRefusedBeforeAnyCellForks() {
        String here = Machine.current().platform();
        String other = here.equals("macosx-arm64") ? "linux-x86_64" : "macosx-arm64";
        // the engine's real class path, its platform jars renamed as -Djavacpp.platform=<other> would resolve them
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .map(entry -> entry.getFileName() != null && entry.getFileName().toString().matches("(nd4j-native|openblas|javacpp)-\\d.*-"
                        + here + "(-avx2)?\\.jar")
                        ? entry.resolveSibling(entry.getFileName().toString().replaceFirst(here + "(-avx2)?\\.jar$", other + ".jar"))
                        : entry)
                .toList();
        ForkOptions fork = new ForkOptions(ForkOptions.currentJava(), classpath, List.of("-Xmx256m"), Duration.ofMinutes(5), 1, dir);
        MatrixParameters matrix = MatrixParameters.builder().algorithms("backprop").depths("2").widths("8")
                .dataset("synthetic:7:100:50").epochs("1").batchSize("32").maxStepsPerEpoch("1").build();
        GateParameters gates = new GateParameters(List.of(), List.of(), null, null, null, null, false);
        Path out = dir.resolve("ff-benchmark");

        HarnessException e = assertThrows(HarnessException.class, () -> Harness.benchmark(new Harness.BenchmarkRequest(matrix,
                null, fork, gates, dir.resolve("ff-baseline.json"), out, List.of(), false, null, null), new RecordingLog()));

        assertEquals(1, e.problems().size(), e.problems().toString());
        String problem = e.problems().get(0);
        assertEquals("this machine is " + here + " but the engine's native libraries on the class path are for '" + other + "'",
                problem.substring(0, problem.indexOf(" (")));
        assertFalse(Files.exists(out), "nothing is written before the check passes");
    }
}
