package dev.ffbench.results;

import dev.ffbench.experiment.RunEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a set of results was measured, stored with a baseline: memory bytes compare across
 * environments, speed only within one, and accuracy may shift with the BLAS kernel.
 */
public record EnvironmentFingerprint(
        String javaVersion,
        String javaVm,
        String nd4jVersion,
        String nd4jBackend,
        String blasVendor,
        String openblasCoreType,
        String cpuModel,
        int availableProcessors,
        int threads) {

    public static EnvironmentFingerprint of(RunEnvironment environment) {
        return new EnvironmentFingerprint(environment.javaVersion(), environment.javaVm(), environment.nd4jVersion(),
                environment.nd4jBackend(), environment.blasVendor(), environment.openblasCoreType(),
                environment.cpuModel(), environment.availableProcessors(), environment.nd4jThreads());
    }

    /** The fingerprint of the first passed cell, or null if none passed. */
    public static EnvironmentFingerprint of(List<CellRecord> cells) {
        return cells.stream().filter(CellRecord::isPassed).findFirst()
                .map(cell -> of(cell.result().environment())).orElse(null);
    }

    /** "cpu A (baseline) vs B (now)" for every field that differs. */
    public List<String> differencesFrom(EnvironmentFingerprint other) {
        return differencesFrom(other, "baseline", "now");
    }

    /** "cpu A (otherName) vs B (thisName)" for every field that differs from {@code other}. */
    public List<String> differencesFrom(EnvironmentFingerprint other, String otherName, String thisName) {
        List<String> differences = new ArrayList<>();
        String then = " (" + otherName + ") vs ";
        String now = " (" + thisName + ")";
        differ(differences, "java", other.javaVersion, javaVersion, then, now);
        differ(differences, "jvm", other.javaVm, javaVm, then, now);
        differ(differences, "nd4j", other.nd4jVersion, nd4jVersion, then, now);
        differ(differences, "backend", other.nd4jBackend, nd4jBackend, then, now);
        differ(differences, "blas", other.blasVendor, blasVendor, then, now);
        differ(differences, "OPENBLAS_CORETYPE", other.openblasCoreType, openblasCoreType, then, now);
        differ(differences, "cpu", other.cpuModel, cpuModel, then, now);
        differ(differences, "processors", other.availableProcessors, availableProcessors, then, now);
        differ(differences, "threads", other.threads, threads, then, now);
        return differences;
    }

    private static void differ(List<String> differences, String name, Object before, Object after, String then, String now) {
        if (!Objects.equals(before, after)) {
            differences.add(name + " " + before + then + after + now);
        }
    }
}
