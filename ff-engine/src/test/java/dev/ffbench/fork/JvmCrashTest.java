package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's fatal-error blocks as HotSpot 17 prints them (the two kinds: a signal, and native memory
 * exhausted), with the noise around them; the real crash is in ForkedCellRunnerTest.
 */
class JvmCrashTest {

    @Test
    void aSignalInNativeCodeIsSummarizedBySignalFrameAndPlace() {
        List<String> output = List.of("ff-engine: loading synthetic:7:200:50",
                "#",
                "# A fatal error has been detected by the Java Runtime Environment:",
                "#",
                "#  SIGSEGV (0xb) at pc=0x00007f93ae7b254a, pid=29441, tid=29442",
                "#",
                "# JRE version: OpenJDK Runtime Environment (17.0.15+6) (build 17.0.15+6-Debian-1deb12u1)",
                "# Java VM: OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1, mixed mode, sharing, tiered, linux-amd64)",
                "# Problematic frame:",
                "# C  [libc.so.6+0x15354a]",
                "#",
                "# No core dump will be written. Core dumps have been disabled. To enable core dumping, try \"ulimit -c unlimited\"",
                "#",
                "# An error report file with more information is saved as:",
                "# /work/out/cells/backprop-d1-w2000000000-s1.hs_err.log",
                "#",
                "# If you would like to submit a bug report, please visit:",
                "#   https://bugs.debian.org/openjdk-17",
                "# The crash happened outside the Java Virtual Machine in native code.",
                "# See problematic frame for where to report the bug.",
                "#");

        JvmCrash.Summary summary = JvmCrash.find(output).orElseThrow();

        assertEquals("SIGSEGV (0xb) at pc=0x00007f93ae7b254a, pid=29441, tid=29442; problematic frame: C [libc.so.6+0x15354a];"
                + " The crash happened outside the Java Virtual Machine in native code", summary.text());
        assertEquals(Path.of("/work/out/cells/backprop-d1-w2000000000-s1.hs_err.log"), summary.report());
    }

    @Test
    void nativeMemoryExhaustedIsSummarizedWithoutTheAdvice(@TempDir Path dir) throws Exception {
        // only the crash report holds the block: the output was lost
        Path report = dir.resolve("cell.hs_err.log");
        Files.writeString(report, String.join("\n",
                "#",
                "# There is insufficient memory for the Java Runtime Environment to continue.",
                "# Native memory allocation (mmap) failed to map 8589934592 bytes for committing reserved memory.",
                "# Possible reasons:",
                "#   The system is out of physical RAM or swap space",
                "#   The process is running with CompressedOops enabled, and the Java Heap may be blocking the growth of the native heap",
                "# Possible solutions:",
                "#   Reduce memory load on the system",
                "#  Out of Memory Error (os_linux.cpp:2772), pid=4242, tid=4243",
                "#",
                "# JRE version: OpenJDK Runtime Environment (17.0.15+6) (build 17.0.15+6-Debian-1deb12u1)",
                "# Java VM: OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1, mixed mode, tiered, linux-amd64)",
                "# Core dump will be written. Default location: Core dumps may be processed with \"/bin/false\"",
                "#",
                "",
                "---------------  S U M M A R Y ------------",
                "",
                "Command Line: -Xmx2g dev.ffbench.cli.FfEngineCli run"));

        assertTrue(JvmCrash.find(List.of("ff-engine: starting", "#")).isEmpty(), "a lone # is no crash");
        JvmCrash.Summary summary = JvmCrash.fromReport(report).orElseThrow();

        assertEquals("There is insufficient memory for the Java Runtime Environment to continue; Native memory allocation"
                + " (mmap) failed to map 8589934592 bytes for committing reserved memory; Out of Memory Error"
                + " (os_linux.cpp:2772), pid=4242, tid=4243", summary.text());
        assertEquals(report, summary.report());
        assertTrue(JvmCrash.fromReport(dir.resolve("missing.log")).isEmpty());
    }
}
