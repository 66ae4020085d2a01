package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ffbench.gate.GateReport;
import dev.ffbench.results.ResultsDocument;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report served the way Jenkins serves archived HTML: with its default Content-Security-Policy,
 * which blocks the page's inline {@code <style>}. Headless Chromium renders it from a local HTTP
 * server that sends the header; the charts must still draw lines as strokes, not as filled polygons.
 */
class CspReportTest {
    /** Jenkins' default policy for archived files (hudson.model.DirectoryBrowserSupport.CSP). */
    static final String JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";

    /** Lines that bend (three depths, up then down), so a filled line would enclose an area. */
    static ResultsDocument bendingLines() {
        return ResultsDocument.results("2026-01-02T03:04:05Z", 6, List.of(), List.of(
                Fixtures.passed(0, Fixtures.spec("ff-base", 2, 64, 1), 2_000_000, 0.5, 1000),
                Fixtures.passed(1, Fixtures.spec("ff-base", 4, 64, 1), 9_000_000, 0.9, 3000),
                Fixtures.passed(2, Fixtures.spec("ff-base", 8, 64, 1), 3_000_000, 0.6, 1500),
                Fixtures.passed(3, Fixtures.spec("backprop", 2, 64, 1), 4_000_000, 0.9, 2000),
                Fixtures.passed(4, Fixtures.spec("backprop", 4, 64, 1), 5_000_000, 0.4, 1000),
                Fixtures.passed(5, Fixtures.spec("backprop", 8, 64, 1), 12_000_000, 0.7, 2500)));
    }

    /** Serves each page at /name with the given headers, on 127.0.0.1 only. */
    private static HttpServer serve(Map<String, String> pages, Map<String, String> headers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath().substring(1));
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static URI uri(HttpServer server, String page) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + page);
    }

    private static BufferedImage shot(Chromium chromium, URI page, Path png) throws IOException, InterruptedException {
        chromium.screenshot(page, png, 1280, 2400);
        return ImageIO.read(png.toFile());
    }

    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean near(int rgb, int target, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((target >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Test
    void underJenkinsPolicyChartLinesAreStrokedNotFilled(@TempDir Path dir) throws Exception {
        Chromium chromium = ChromiumReportTest.chromium();
        String report = new BenchmarkReport().render(Inputs.of(bendingLines(), new GateReport(List.of(), List.of())));
        // the same page without the stroke-only elements: line paths, axes, grid lines, whiskers, legend samples
        Document stripped = Jsoup.parse(report);
        stripped.outputSettings().prettyPrint(false);
        stripped.select("svg.chart path.line, svg.chart path.axis, svg.chart line, svg.chart path.whisker,"
                + " svg.legend path.sample").remove();
        Document untouched = Jsoup.parse(report);
        untouched.outputSettings().prettyPrint(false);
        Map<String, String> pages = Map.of("report.html", untouched.outerHtml(), "no-lines.html", stripped.outerHtml());

        BufferedImage withLines;
        BufferedImage withoutLines;
        HttpServer jenkins = serve(pages, Map.of("Content-Security-Policy", JENKINS_CSP));
        try {
            withLines = shot(chromium, uri(jenkins, "report.html"), dir.resolve("csp.png"));
            withoutLines = shot(chromium, uri(jenkins, "no-lines.html"), dir.resolve("csp-no-lines.png"));
        } finally {
            jenkins.stop(0);
        }
        BufferedImage open;
        HttpServer plain = serve(pages, Map.of());
        try {
            open = shot(chromium, uri(plain, "report.html"), dir.resolve("no-csp.png"));
        } finally {
            plain.stop(0);
        }

        // the policy really blocked the stylesheet: the green status box it paints is missing
        int statusGreen = 0xDAFBE1;
        assertTrue(contains(open, statusGreen), "without the policy the stylesheet paints the status box");
        assertFalse(contains(withLines, statusGreen), "with Jenkins' policy the inline <style> is blocked");

        // what the stroke-only elements paint: thin coloured lines, never a black area
        assertEquals(withoutLines.getHeight(), withLines.getHeight());
        long changed = 0;
        long black = 0;
        long blue = 0;
        for (int y = 0; y < withLines.getHeight(); y++) {
            for (int x = 0; x < withLines.getWidth(); x++) {
                int with = withLines.getRGB(x, y) & 0xFFFFFF;
                if (with == (withoutLines.getRGB(x, y) & 0xFFFFFF)) {
                    continue;
                }
                changed++;
                if (near(with, 0x000000, 0x30)) {
                    black++;
                }
                if (near(with, 0x0072B2, 0x30)) {
                    blue++;
                }
            }
        }
        assertTrue(changed > 0, "the lines are painted");
        assertEquals(0, black, "no chart line, axis or whisker is filled black (" + changed + " pixels changed)");
        assertTrue(blue > 200, "ff-base's line is stroked in its colour #0072B2: " + blue + " pixels");
    }
}
