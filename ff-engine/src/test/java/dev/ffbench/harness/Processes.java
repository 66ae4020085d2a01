package dev.ffbench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What tests need to know about other processes, read from /proc on Linux. */
final class Processes {
    private Processes() {}

    /**
     * The whole command line, arguments separated by spaces. ProcessHandle.Info cuts it at 4 KB,
     * before the main class of a fork whose class path is long, so /proc is read when it exists.
     */
    static String commandLine(ProcessHandle process) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc/" + process.pid() + "/cmdline"));
            return new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
