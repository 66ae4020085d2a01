package dev.ffbench.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a run was measured: the facts that change the speed or the numerics of ND4J. Speed figures
 * are only comparable between runs with the same environment.
 */
public record RunEnvironment(
        String javaVersion,
        String javaVm,
        String os,
        String nd4jVersion,
        String nd4jBackend,
        String blasVendor,
        String openblasCoreType,
        String cpuModel,
        int availableProcessors,
        int nd4jThreads) {

    public static RunEnvironment capture() {
        return new RunEnvironment(
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                readNd4jVersion(),
                String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation().get("backend")),
                String.valueOf(Nd4j.factory().blas().getBlasVendor()),
                System.getenv().getOrDefault("OPENBLAS_CORETYPE", "unset (OpenBLAS detects the core)"),
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                Nd4j.getEnvironment().maxMasterThreads());
    }

    private static String readNd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
