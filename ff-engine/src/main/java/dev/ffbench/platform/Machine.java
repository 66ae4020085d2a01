package dev.ffbench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The machine the cells run on, as the native libraries see it.
 *
 * @param platform the JavaCPP platform name, e.g. linux-x86_64, macosx-arm64, windows-x86_64
 * @param cpuFlags the CPU's feature flags in lower case (avx2, fma, ...); empty when they cannot be read here
 *                 (only Linux's /proc/cpuinfo is read: nothing is claimed about a CPU whose flags were not seen)
 */
public record Machine(String platform, Optional<Set<String>> cpuFlags) {
    /** Where Linux lists the CPU's flags. */
    static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public Machine {
        cpuFlags = cpuFlags.map(Set::copyOf);
    }

    /** This JVM's machine: os.name and os.arch, and on Linux the flags of /proc/cpuinfo. */
    public static Machine current() {
        String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Optional<Set<String>> flags = Optional.empty();
        if (platform.startsWith("linux-") && Files.isReadable(CPUINFO)) {
            try (Stream<String> lines = Files.lines(CPUINFO)) {
                flags = linuxFlags(lines);
            } catch (IOException | UncheckedIOException e) {
                // unreadable flags are unknown flags: the check then claims nothing about the CPU
                flags = Optional.empty();
            }
        }
        return new Machine(platform, flags);
    }

    /**
     * Java's os.name and os.arch in JavaCPP's platform names, as ff-engine's POM maps them: Linux, Mac OS X and
     * Windows to linux, macosx and windows; amd64 and x86-64 to x86_64, aarch64 to arm64; anything else as Java
     * says it, in lower case.
     */
    public static String platform(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux"
                : name.startsWith("mac os x") || name.startsWith("darwin") ? "macosx"
                : name.startsWith("windows") ? "windows"
                : name.replace(' ', '_');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86-64", "x86_64" -> "x86_64";
            case "aarch64", "arm64", "armv8" -> "arm64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return os + "-" + arch;
    }

    /** The flags of /proc/cpuinfo's first "flags" line (x86: "flags : fpu vme ... avx2 ..."); empty when it has none. */
    static Optional<Set<String>> linuxFlags(Stream<String> cpuinfo) {
        return cpuinfo.filter(line -> line.startsWith("flags") && line.contains(":")).findFirst()
                .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                        .filter(flag -> !flag.isEmpty()).map(flag -> flag.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()));
    }

}
