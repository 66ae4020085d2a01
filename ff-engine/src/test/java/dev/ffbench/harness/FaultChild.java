package dev.ffbench.harness;

import dev.ffbench.fork.ForkOptions;
import dev.ffbench.gate.GateParameters;
import dev.ffbench.io.HarnessLog;
import dev.ffbench.io.OutputLock;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A child JVM for {@link FaultsTest}: {@code run OUT WORKDIR} runs {@link FaultsTest#MATRIX} with
 * the harness (as ff:benchmark does), {@code long OUT WORKDIR} runs {@link FaultsTest#LONG_CELL}
 * (one cell that trains for minutes), {@code lock DIR} holds the output lock of DIR until its
 * standard input closes.
 */
public final class FaultChild {
    private FaultChild() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("lock")) {
            try (OutputLock lock = OutputLock.acquire(Path.of(args[1]), "benchmark")) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // hold the lock until the parent closes our stdin
                }
            }
            return;
        }
        HarnessLog log = new HarnessLog() {
            @Override
            public void info(String message) {
                System.out.println(message);
            }

            @Override
            public void warn(String message) {
                System.out.println("WARN " + message);
            }
        };
        Harness.BenchmarkRequest request = request(Path.of(args[1]), Path.of(args[2]), false);
        if (args[0].equals("long")) {
            request = new Harness.BenchmarkRequest(FaultsTest.LONG_CELL, null, request.fork(), request.gates(),
                    request.baselineFile(), request.outputDirectory(), List.of(), false, null, null);
        }
        try {
            Harness.benchmark(request, log);
        } catch (java.io.InterruptedIOException e) {
            // what Maven would show as the goal's error; printed whole, not interleaved with the hook's lines
            System.out.println("FAILED " + e);
        }
    }

    static Harness.BenchmarkRequest request(Path out, Path workingDirectory, boolean resume) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        ForkOptions fork = new ForkOptions(ForkOptions.currentJava(), classpath, List.of("-Xmx512m"), Duration.ofMinutes(5),
                1, workingDirectory);
        return new Harness.BenchmarkRequest(FaultsTest.MATRIX, null, fork, GateParameters.defaults(),
                workingDirectory.resolve("no-baseline.json"), out, List.of(), resume, null, null);
    }
}
