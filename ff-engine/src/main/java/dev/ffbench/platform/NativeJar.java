package dev.ffbench.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One platform jar of the native libraries on a class path, read from its file name as Maven and Gradle
 * store it: {@code <artifact>-<version>-<classifier>.jar}, e.g. nd4j-native-1.0.0-M2.1-linux-x86_64-avx2.jar.
 *
 * @param artifact nd4j-native, openblas or javacpp
 * @param classifier the whole classifier, e.g. linux-x86_64-avx2
 * @param platform its platform part, e.g. linux-x86_64
 * @param extension the build's CPU feature, e.g. -avx2; "" for the generic build
 * @param file the jar
 */
public record NativeJar(String artifact, String classifier, String platform, String extension, Path file) {
    /** The artifacts whose platform jars hold native code: ND4J's kernels, OpenBLAS, JavaCPP's own loader. */
    static final List<String> ARTIFACTS = List.of("nd4j-native", "openblas", "javacpp");

    /**
     * artifact, a version starting with a digit (so nd4j-native-preset-... and javacpp-platform-... are not
     * taken for nd4j-native or javacpp), then a classifier of JavaCPP's form: os-arch, optionally -extension.
     */
    private static final Pattern FILE_NAME = Pattern.compile(
            "(" + String.join("|", ARTIFACTS) + ")-\\d[^/\\\\]*?-((linux|macosx|windows|android|ios)-[a-z0-9_]+)((?:-[a-z0-9]+)*)\\.jar");

    /** The native jar {@code file} is, or empty when its name is not one. */
    static Optional<NativeJar> of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = FILE_NAME.matcher(name.toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NativeJar(m.group(1), m.group(2) + m.group(4), m.group(2), m.group(4), file));
    }

    /** The native jars among the entries of a class path, in class path order. */
    static List<NativeJar> on(List<Path> classpath) {
        return classpath.stream().map(NativeJar::of).flatMap(Optional::stream).toList();
    }

    /** Its file name, for messages. */
    String name() {
        return file.getFileName().toString();
    }
}
