package dev.ffbench.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Java's os.name and os.arch in JavaCPP's platform names, and the CPU flags read from /proc/cpuinfo. */
class MachineTest {

    @Test
    void javasNamesBecomeJavacppsPlatformsAsFfEnginesPomMapsThem() {
        assertEquals("linux-x86_64", Machine.platform("Linux", "amd64"));
        assertEquals("linux-arm64", Machine.platform("Linux", "aarch64"));
        assertEquals("macosx-x86_64", Machine.platform("Mac OS X", "x86_64"));
        assertEquals("macosx-arm64", Machine.platform("Mac OS X", "aarch64"));
        assertEquals("windows-x86_64", Machine.platform("Windows 11", "amd64"));
        // a platform ND4J does not publish keeps Java's words: the check then names it as it is
        assertEquals("freebsd-x86_64", Machine.platform("FreeBSD", "amd64"));
        assertEquals("linux-ppc64le", Machine.platform("Linux", "ppc64le"));
    }

    @Test
    void theFlagsAreTheFirstFlagsLineOfProcCpuinfo() {
        Stream<String> cpuinfo = Stream.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
                "flags\t\t: fpu vme sse2 avx fma AVX2 bmi2", "bugs\t\t: sysret_ss_attrs", "processor\t: 1",
                "flags\t\t: fpu");
        assertEquals(Optional.of(Set.of("fpu", "vme", "sse2", "avx", "fma", "avx2", "bmi2")), Machine.linuxFlags(cpuinfo));
    }

    @Test
    void aCpuinfoWithoutAFlagsLineGivesUnknownFlagsNotAnEmptySet() {
        // Linux on ARM lists "Features", not "flags": nothing is then claimed about x86 features
        assertEquals(Optional.empty(), Machine.linuxFlags(Stream.of("processor\t: 0", "Features\t: fp asimd evtstrm")));
    }

    @Test
    void thisJvmsMachineIsNamedFromItsOwnProperties() {
        assertEquals(Machine.platform(System.getProperty("os.name"), System.getProperty("os.arch")),
                Machine.current().platform());
    }
}
