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

    /**
     * The DOM of {@code html} as laid out in a window {@code width} px wide: a copy of the page with a
     * script at the end of its body that writes each element's bounding box into a {@code data-box}
     * attribute ("left,top,right,bottom" in CSS px, from the top of the page) and the viewport's width and
     * the page's height into {@code data-viewport} and {@code data-page-height} of {@code <html>}. The
     * page itself has no script; the copy is for measuring only.
     */
    String layout(Path html, int width) throws IOException, InterruptedException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        if (end < 0) {
            throw new IOException("no </body> in " + html);
        }
        Path measured = html.resolveSibling(html.getFileName() + ".layout.html");
        Files.writeString(measured, page.substring(0, end) + MEASURE + page.substring(end), StandardCharsets.UTF_8);
        try {
            return run(measured.toAbsolutePath().toUri(), List.of("--dump-dom", "--hide-scrollbars"), width, 900);
        } finally {
            Files.deleteIfExists(measured);
        }
    }

    private static final String MEASURE = """
            <script>
            (function () {
              var root = document.documentElement;
              for (var el of document.body.querySelectorAll('*')) {
                var r = el.getBoundingClientRect();
                el.setAttribute('data-box', [r.left, r.top + scrollY, r.right, r.bottom + scrollY]
                    .map(function (v) { return Math.round(v); }).join(','));
              }
              root.setAttribute('data-viewport', root.clientWidth);
              root.setAttribute('data-page-height', Math.ceil(root.scrollHeight));
              root.setAttribute('data-page-width', Math.ceil(root.scrollWidth));
            })();
            </script>
            """;

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
