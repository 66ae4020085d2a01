/**
 * The machine and the engine's native libraries: which platform this JVM runs on (in JavaCPP's names,
 * e.g. linux-x86_64, macosx-arm64), which CPU features it has, and whether the ND4J, OpenBLAS and JavaCPP
 * jars on the forks' class path can run here. Checked once before any cell forks, so that a mismatch is one
 * error naming the platform or the CPU feature and what to do, not the same native crash in every cell.
 *
 * <p>ff-engine's POM chooses the jars by OS and architecture (or {@code -Djavacpp.platform}); a POM cannot see
 * the CPU's features, so the AVX2 build it takes on linux-x86_64 is confirmed here, from /proc/cpuinfo.
 */
package dev.ffbench.platform;
