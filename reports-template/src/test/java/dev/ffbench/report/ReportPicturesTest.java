package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.gate.BaselineComparison;
import dev.ffbench.gate.BaselineTolerance;
import dev.ffbench.gate.GateConfig;
import dev.ffbench.gate.GateEvaluator;
import dev.ffbench.gate.GateReport;
import dev.ffbench.results.ResultsDocument;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run's report in a 1280 px window of headless Chromium ({@link ChromiumReportTest#chromium}:
 * skipped without one, a failure in CI): every column of the Cells table is in view, the accuracy figures
 * first. The same rendering draws the README's pictures into {@code docs/images/}, so a report that
 * changes shows up as a git diff of them and a stale picture cannot stay.
 */
class ReportPicturesTest {
    static final int WIDTH = 1280;
    static final Path IMAGES = repository().resolve("docs/images");

    @Test
    void theCellsTableOfTheDefaultRunFitsA1280PxWindow(@TempDir Path dir) throws IOException, InterruptedException {
        Chromium chromium = ChromiumReportTest.chromium();
        ResultsDocument results = DefaultRun.results();
        GateConfig config = GateConfig.DEFAULTS;
        GateReport gates = GateEvaluator.evaluate(config, results, null, "ff-baseline.json");
        Path html = dir.resolve("report.html");
        Files.writeString(html, new BenchmarkReport().render(Inputs.of(results, gates, null, null, null, null, config.gatedMetrics(), null)),
                StandardCharsets.UTF_8);
        Document page = Jsoup.parse(chromium.layout(html, WIDTH));

        int viewport = Integer.parseInt(page.selectFirst("html").attr("data-viewport"));
        assertEquals(WIDTH, viewport, "the window's width, no scroll bar");
        assertTrue(Integer.parseInt(page.selectFirst("html").attr("data-page-width")) <= viewport, "no horizontal scroll");
        Box scroll = Box.of(page.selectFirst("#cells div.scroll"));
        Box table = Box.of(page.selectFirst("table.cells"));
        assertTrue(table.right <= scroll.right && scroll.right <= viewport, "the table fits its box: " + table + " in " + scroll);
        List<Element> rows = page.select("table.cells tbody tr");
        assertEquals(results.cells().size(), rows.size());
        int withNotes = 0;
        for (Element row : rows) {
            String id = row.selectFirst("td.id").text();
            Element figure = row.selectFirst("td.accuracy span.figure");
            assertTrue(figure.text().matches("\\d{1,3}\\.\\d\\d %"), id + ": " + figure.text());
            Box accuracy = Box.of(figure);
            assertTrue(accuracy.width() > 0 && accuracy.left >= scroll.left && accuracy.right <= scroll.right,
                    id + ": the accuracy figure " + figure.text() + " is in view: " + accuracy + " in " + scroll);
            Box time = Box.of(row.selectFirst("td.time"));
            assertTrue(time.right <= scroll.right, id + ": the last column is in view: " + time);
            for (Element note : row.select("td.accuracy span.note")) {
                withNotes++;
                Box box = Box.of(note);
                assertTrue(box.top >= accuracy.bottom && box.right <= Box.of(row.selectFirst("td.accuracy")).right,
                        id + ": the note wraps below its figure, inside its column: " + box + " under " + accuracy);
            }
        }
        assertTrue(withNotes > 0, "the default run has capped and degenerate cells, whose notes must wrap");
        assertTrue(page.select("figure#accuracy-depth svg.chart").isEmpty(), "one trained depth: no column of markers");
        assertFalse(page.selectFirst("figure#accuracy-depth p.left-out").text().isEmpty());

        Box cells = Box.of(page.selectFirst("section#cells"));
        picture(chromium, html, IMAGES.resolve("report.png"), 0, cells.bottom + 16, dir);
    }

    @Test
    void theComparisonOfARegressingRunIsPictured(@TempDir Path dir) throws IOException, InterruptedException {
        Chromium chromium = ChromiumReportTest.chromium();
        ResultsDocument results = DefaultRun.results();
        ResultsDocument baseline = DefaultRun.regressingBaseline();
        BaselineTolerance tolerance = new BaselineTolerance(5, BaselineTolerance.DEFAULT_MAX_ACCURACY_DROP_POINTS,
                BaselineTolerance.DEFAULT_ACCURACY_NOISE_SIGMAS, null);
        GateConfig config = new GateConfig(List.of(), List.of(), tolerance, false);
        GateReport gates = GateEvaluator.evaluate(config, results, baseline, "ff-baseline.json");
        BaselineComparison comparison = BaselineComparison.of(tolerance, results, baseline, "ff-baseline.json");
        Path html = dir.resolve("report.html");
        Files.writeString(html, new BenchmarkReport().render(Inputs.of(results, gates, baseline, "ff-baseline.json", comparison, null,
                config.gatedMetrics(), null)), StandardCharsets.UTF_8);
        Document page = Jsoup.parse(chromium.layout(html, WIDTH));

        List<String> changes = page.select("table.comparison.changed td.change").eachText();
        assertEquals(List.of("regression", "regression", "within tolerance"), changes);
        Box section = Box.of(page.selectFirst("section#comparison"));
        assertTrue(section.right <= WIDTH);
        picture(chromium, html, IMAGES.resolve("report-regression.png"), Math.max(0, section.top - 8), section.bottom + 8, dir);
    }

    /** The page's rows {@code top} to {@code bottom} (CSS px), 1280 px wide, written to {@code png} if its pixels changed. */
    static void picture(Chromium chromium, Path html, Path png, int top, int bottom, Path dir)
            throws IOException, InterruptedException {
        Path shot = dir.resolve("shot.png");
        chromium.screenshot(html, shot, WIDTH, bottom);
        BufferedImage whole = ImageIO.read(shot.toFile());
        assertEquals(WIDTH, whole.getWidth());
        BufferedImage part = whole.getSubimage(0, top, WIDTH, Math.min(bottom, whole.getHeight()) - top);
        if (Files.isRegularFile(png) && samePixels(ImageIO.read(png.toFile()), part)) {
            return;
        }
        Files.createDirectories(png.getParent());
        Path next = png.resolveSibling(png.getFileName() + ".tmp");
        ImageIO.write(part, "png", next.toFile());
        Files.move(next, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The repository's root: the parent of this module's directory (where surefire runs the tests). */
    static Path repository() {
        Path module = Path.of("").toAbsolutePath();
        Path root = module.getParent();
        if (root == null || !Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("reports-template"))) {
            throw new IllegalStateException("the tests run in " + module + "; allowed: the reports-template module's directory");
        }
        return root;
    }

    /** An element's box from the layout script's data-box attribute. */
    record Box(int left, int top, int right, int bottom) {
        static Box of(Element element) {
            String[] v = element.attr("data-box").split(",");
            if (v.length != 4) {
                throw new AssertionError("no data-box on " + element.cssSelector());
            }
            return new Box(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
        }

        int width() {
            return right - left;
        }
    }
}
