package dev.ffbench.platform;

import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the native libraries on the forks' class path can run on this machine, judged once before any cell
 * forks. Without this, a jar for another platform or a CPU without the feature the jar was built for makes
 * every cell fail alike, deep in ND4J's start-up, none of them saying what to change.
 */
public final class NativePlatformCheck {
    /** The remedy for a jar of the wrong platform: the property JavaCPP's and ff-engine's POMs read. */
    private static final String PLATFORM_PROPERTY = "-Djavacpp.platform";

    private NativePlatformCheck() {}

    /**
     * The problem with running the cells of this JVM's machine on {@code classpath}, as the user reads it ({@link
     * #check}'s sentence); empty when there is none.
     */
    public static Optional<String> problem(List<Path> classpath) {
        return check(Machine.current(), classpath).map(Problem::message);
    }

    /**
     * The problem with running cells on {@code machine} with {@code classpath}: no ND4J native library, libraries
     * for another platform, or an ND4J build for a CPU feature the machine lacks (judged only where its CPU flags
     * were read); empty when there is none.
     */
    public static Optional<Problem> check(Machine machine, List<Path> classpath) {
        List<NativeJar> jars = NativeJar.on(classpath);
        String platform = machine.platform();
        if (jars.stream().noneMatch(jar -> jar.artifact().equals("nd4j-native"))) {
            return Optional.of(Problem.found("the forks' class path", "holds no ND4J native library"
                    + " (nd4j-native-<version>-<platform>.jar); every cell would fail to start ND4J",
                    "the nd4j-native jar for this machine (" + platform + "), which ff-engine's dependencies bring:"
                            + " do not exclude it"));
        }
        List<NativeJar> foreign = jars.stream()
                .filter(jar -> jars.stream().noneMatch(other -> other.artifact().equals(jar.artifact())
                        && other.platform().equals(platform)))
                .toList();
        if (!foreign.isEmpty()) {
            String classifiers = foreign.stream().map(NativeJar::classifier).distinct().collect(Collectors.joining(", "));
            String files = foreign.stream().map(NativeJar::name).collect(Collectors.joining(", "));
            return Optional.of(Problem.found("this machine", "is " + platform + " but the engine's native libraries on"
                    + " the class path are for '" + classifiers + "' (" + files + "): every cell would fail to load them",
                    "the libraries for " + platform + ": run Maven without " + PLATFORM_PROPERTY + " (ff-engine then"
                            + " resolves this machine's) or with " + PLATFORM_PROPERTY + "=" + platform));
        }
        if (machine.cpuFlags().isEmpty()) {
            return Optional.empty(); // flags not read on this OS: nothing is claimed about the CPU
        }
        // the most demanding ND4J build for this platform: JavaCPP loads a CPU-specific build before the generic one
        NativeJar nd4j = jars.stream().filter(jar -> jar.artifact().equals("nd4j-native") && jar.platform().equals(platform))
                .max(Comparator.comparingInt(jar -> CpuFeature.of(jar).map(CpuFeature::ordinal).orElse(-1)))
                .orElseThrow();
        return CpuFeature.of(nd4j).filter(feature -> !machine.cpuFlags().get().contains(feature.flag))
                .map(feature -> Problem.found("the CPU", "lacks " + feature.label + " (no " + feature.flag
                        + " among the flags of " + Machine.CPUINFO + "), which the engine's native library " + nd4j.name()
                        + " needs: every cell would fail", "a CPU with " + feature.label + ", or ND4J's generic build for "
                        + platform + ": run Maven with " + PLATFORM_PROPERTY + "=" + platform));
    }

    /** The CPU features ND4J builds are made for, by their classifier's extension (-avx2, -onednn-avx2, -avx512). */
    private enum CpuFeature {
        AVX2("AVX2", "avx2"),
        AVX512("AVX-512", "avx512f");

        private final String label;
        private final String flag;

        CpuFeature(String label, String flag) {
            this.label = label;
            this.flag = flag;
        }

        static Optional<CpuFeature> of(NativeJar jar) {
            List<String> parts = Arrays.asList(jar.extension().split("-"));
            return parts.contains("avx512") ? Optional.of(AVX512) : parts.contains("avx2") ? Optional.of(AVX2) : Optional.empty();
        }
    }
}
