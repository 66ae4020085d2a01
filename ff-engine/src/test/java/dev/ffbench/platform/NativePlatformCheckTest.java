package dev.ffbench.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.io.Problem;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision before any cell forks: which machine, which CPU flags, which native jars on the class path. */
class NativePlatformCheckTest {
    private static final Path REPO = Path.of("/m2");
    private static final List<String> AVX2_FLAGS = List.of("fpu", "sse2", "avx", "fma", "avx2");
    private static final List<String> OLD_FLAGS = List.of("fpu", "sse2", "sse4_2", "avx");

    /** The class path ff-engine resolves for a platform: its jars as Maven names them, with the engine's own. */
    private static List<Path> classpath(String nd4jClassifier, String platform) {
        return List.of(REPO.resolve("ff-engine-0.1.0-SNAPSHOT.jar"), REPO.resolve("nd4j-native-1.0.0-M2.1.jar"),
                REPO.resolve("nd4j-native-api-1.0.0-M2.1.jar"), REPO.resolve("nd4j-native-preset-1.0.0-M2.1.jar"),
                REPO.resolve("nd4j-native-preset-1.0.0-M2.1-" + platform + ".jar"), REPO.resolve("openblas-0.3.19-1.5.7.jar"),
                REPO.resolve("javacpp-1.5.7.jar"), REPO.resolve("nd4j-native-1.0.0-M2.1-" + nd4jClassifier + ".jar"),
                REPO.resolve("openblas-0.3.19-1.5.7-" + platform + ".jar"), REPO.resolve("javacpp-1.5.7-" + platform + ".jar"));
    }

    private static Machine machine(String platform, List<String> flags) {
        return new Machine(platform, Optional.of(Set.copyOf(flags)));
    }

    @Test
    void theLinuxX8664Avx2SetRunsOnACpuWithAvx2() {
        assertEquals(Optional.empty(), NativePlatformCheck.check(machine("linux-x86_64", AVX2_FLAGS),
                classpath("linux-x86_64-avx2", "linux-x86_64")));
    }

    @Test
    void aCpuWithoutAvx2IsRefusedNamingTheFeatureTheJarAndTheGenericBuild() {
        assertEquals(Optional.of("the CPU lacks AVX2 (no avx2 among the flags of /proc/cpuinfo), which the engine's native"
                        + " library nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar needs: every cell would fail; allowed: a CPU"
                        + " with AVX2, or ND4J's generic build for linux-x86_64: run Maven with -Djavacpp.platform=linux-x86_64"),
                NativePlatformCheck.check(machine("linux-x86_64", OLD_FLAGS), classpath("linux-x86_64-avx2", "linux-x86_64"))
                        .map(Problem::message));
    }

    @Test
    void theGenericBuildThatRemedyResolvesRunsOnThatCpu() {
        assertEquals(Optional.empty(), NativePlatformCheck.check(machine("linux-x86_64", OLD_FLAGS),
                classpath("linux-x86_64", "linux-x86_64")));
    }

    @Test
    void anAvx512BuildNeedsAvx512NotJustAvx2() {
        assertEquals(Problem.found("the CPU", "lacks AVX-512 (no avx512f among the flags of /proc/cpuinfo), which the"
                        + " engine's native library nd4j-native-1.0.0-M2.1-linux-x86_64-avx512.jar needs: every cell would fail",
                        "a CPU with AVX-512, or ND4J's generic build for linux-x86_64: run Maven with"
                                + " -Djavacpp.platform=linux-x86_64"),
                NativePlatformCheck.check(machine("linux-x86_64", AVX2_FLAGS), classpath("linux-x86_64-avx512", "linux-x86_64"))
                        .orElseThrow());
    }

    @Test
    void anArmMachineWithTheX86SetIsRefusedNamingBothPlatformsEveryJarAndTheProperty() {
        assertEquals(Optional.of(Problem.found("this machine", "is linux-arm64 but the engine's native libraries on the"
                        + " class path are for 'linux-x86_64-avx2, linux-x86_64' (nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar,"
                        + " openblas-0.3.19-1.5.7-linux-x86_64.jar, javacpp-1.5.7-linux-x86_64.jar): every cell would fail to"
                        + " load them", "the libraries for linux-arm64: run Maven without -Djavacpp.platform (ff-engine"
                        + " then resolves this machine's) or with -Djavacpp.platform=linux-arm64")),
                // Linux on ARM has no x86 flags: the platform alone decides
                NativePlatformCheck.check(new Machine("linux-arm64", Optional.empty()), classpath("linux-x86_64-avx2", "linux-x86_64")));
    }

    @Test
    void eachPlatformsOwnSetPasses() {
        for (String platform : List.of("linux-arm64", "macosx-arm64", "macosx-x86_64", "windows-x86_64")) {
            assertEquals(Optional.empty(), NativePlatformCheck.check(new Machine(platform, Optional.empty()),
                    classpath(platform, platform)), platform);
        }
    }

    @Test
    void whereTheFlagsWereNotReadAnAvx2BuildIsNotJudged() {
        // macOS and Windows: the engine reads no CPU flags there, so it claims nothing either way
        assertEquals(Optional.empty(), NativePlatformCheck.check(new Machine("macosx-x86_64", Optional.empty()),
                classpath("macosx-x86_64-avx2", "macosx-x86_64")));
    }

    @Test
    void onlyTheMismatchedArtifactsAreNamed() {
        List<Path> mixed = classpath("macosx-arm64", "macosx-arm64").stream()
                .map(p -> p.getFileName().toString().equals("openblas-0.3.19-1.5.7-macosx-arm64.jar")
                        ? REPO.resolve("openblas-0.3.19-1.5.7-macosx-x86_64.jar") : p)
                .toList();
        assertEquals(Problem.found("this machine", "is macosx-arm64 but the engine's native libraries on the class path"
                        + " are for 'macosx-x86_64' (openblas-0.3.19-1.5.7-macosx-x86_64.jar): every cell would fail to load"
                        + " them", "the libraries for macosx-arm64: run Maven without -Djavacpp.platform (ff-engine then"
                        + " resolves this machine's) or with -Djavacpp.platform=macosx-arm64"),
                NativePlatformCheck.check(new Machine("macosx-arm64", Optional.empty()), mixed).orElseThrow());
    }

    @Test
    void aClassPathWithoutNd4jsNativeJarIsRefused() {
        List<Path> without = classpath("linux-x86_64-avx2", "linux-x86_64").stream()
                .filter(p -> !p.getFileName().toString().equals("nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar")).toList();
        assertEquals(Optional.of(Problem.found("the forks' class path", "holds no ND4J native library"
                        + " (nd4j-native-<version>-<platform>.jar); every cell would fail to start ND4J", "the nd4j-native jar"
                        + " for this machine (linux-x86_64), which ff-engine's dependencies bring: do not exclude it")),
                NativePlatformCheck.check(machine("linux-x86_64", AVX2_FLAGS), without));
    }

    @Test
    void jarsAreRecognisedByArtifactVersionAndClassifierNotByLookalikes() {
        NativeJar avx2 = NativeJar.of(REPO.resolve("nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx2.jar")).orElseThrow();
        assertEquals(List.of("nd4j-native", "linux-x86_64-onednn-avx2", "linux-x86_64", "-onednn-avx2"),
                List.of(avx2.artifact(), avx2.classifier(), avx2.platform(), avx2.extension()));
        NativeJar openblas = NativeJar.of(REPO.resolve("openblas-0.3.19-1.5.7-windows-x86_64.jar")).orElseThrow();
        assertEquals(List.of("openblas", "windows-x86_64", ""), List.of(openblas.artifact(), openblas.platform(), openblas.extension()));
        for (String lookalike : List.of("nd4j-native-1.0.0-M2.1.jar", "nd4j-native-preset-1.0.0-M2.1-linux-x86_64.jar",
                "nd4j-native-api-1.0.0-M2.1.jar", "javacpp-platform-1.5.7.jar", "openblas-platform-0.3.19-1.5.7.jar",
                "javacpp-1.5.7-sources.jar")) {
            assertEquals(Optional.empty(), NativeJar.of(REPO.resolve(lookalike)), lookalike);
        }
    }

    @Test
    void theEnginesOwnTestClassPathRunsOnTheMachineThatResolvedIt() {
        // the real thing: ff-engine's POM chose these jars for this machine, and this machine's flags were read
        List<Path> real = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        assertEquals(Optional.empty(), NativePlatformCheck.problem(real));
    }
}
