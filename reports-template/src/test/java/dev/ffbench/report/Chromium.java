package dev.ffbench.report;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's headless Chromium, run as a process: dumps the rendered DOM and takes screenshots. */
final class Chromium {
    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The chromium on the PATH (Debian's package installs /usr/bin/chromium), if any. */
    static Optional<Chromium> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new Chromium(candidate));
                }
            }
        }
        return Optional.empty();
    }

    String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html.toAbsolutePath().toUri(), List.of("--dump-dom"), 1280, 900);
    }

    void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        screenshot(html.toAbsolutePath().toUri(), png, width, height);
    }

    /** A screenshot of any page: a file, or one served over HTTP (with the server's headers, e.g. a CSP). */
    void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars"), width, height);
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IOException("chromium wrote no screenshot at " + png);
        }
    }

    private String run(URI page, List<String> extra, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("ff-chromium-profile");
        Path out = Files.createTempFile("ff-chromium", ".out");
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--no-proxy-server",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height));
            command.addAll(extra);
            command.add(page.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish within 120 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("chromium exited with " + process.exitValue() + ": " + command);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
