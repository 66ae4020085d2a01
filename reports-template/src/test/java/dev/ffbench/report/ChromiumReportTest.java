package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in a real browser (headless Chromium): the charts must exist in the DOM the
 * browser built and the screenshot must show them. In CI (CI set) a missing chromium is a failure;
 * elsewhere the test is skipped without one.
 */
class ChromiumReportTest {

    static Chromium chromium() {
        Optional<Chromium> chromium = Chromium.find();
        if (chromium.isEmpty()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail("CI is set but chromium is not on the PATH: .ci/run installs Debian's chromium package");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium); CI is unset, so skipped");
        }
        return chromium.get();
    }

    @Test
    void theBrowserBuildsTheChartsAndPaintsThem(@TempDir Path dir) throws IOException, InterruptedException {
        Chromium chromium = chromium();
        Path html = dir.resolve("report.html");
        Files.writeString(html, new BenchmarkReport().render(Inputs.of(ReportHtmlTest.fixture(), ReportHtmlTest.gates(),
                ReportHtmlTest.baseline(), "ff-baseline.json")), StandardCharsets.UTF_8);

        Document dom = Jsoup.parse(chromium.dumpDom(html));
        assertEquals(7, dom.select("figure.figure").size(), "seven chart figures");
        assertEquals(1, dom.select("figure#memory-depth svg.chart").size());
        assertEquals(4, dom.select("figure#memory-depth svg.chart g.series").size(), "two algorithms, each with its baseline");
        assertEquals(1, dom.select("#breakdown svg.breakdown").size());
        assertTrue(dom.select("script").isEmpty(), "the escaped <script> text did not become an element");
        assertTrue(dom.text().contains("<script>alert('x')</script>"), "it shows as text");

        Path png = dir.resolve("report.png");
        chromium.screenshot(html, png, 1280, 1600);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(colours.size() > 50, "a painted page has many colours (text anti-aliasing, series); got " + colours.size());
        assertTrue(nonWhite > 10_000, "more than a blank page: " + nonWhite + " non-white sampled pixels");
        for (String colour : new String[] {"0072B2", "009E73"}) {
            int rgb = Integer.parseInt(colour, 16);
            assertTrue(colours.contains(rgb), "the series colour #" + colour + " is painted");
        }
    }
}
