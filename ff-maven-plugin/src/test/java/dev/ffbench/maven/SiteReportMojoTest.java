package dev.ffbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.CellRecord;
import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteReportMojoTest {

    @Test
    void writesTheSelfContainedReportAsAnExternalSitePage(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        ResultsFiles.write(results, ResultsDocument.results("2026-01-01T00:00:00Z", 1, List.of(), List.of(
                CellRecord.failed(new Cell(0, "ff-base-d2-w8-s1", ExperimentSpec.defaults()), "timed out <after 1 s>",
                        List.of("last line"), 1.0))));
        SiteReportMojo mojo = new SiteReportMojo();
        mojo.results = results.toFile();
        mojo.baseline = dir.resolve("missing-baseline.json").toFile();
        mojo.setReportOutputDirectory(dir.resolve("site").toFile());

        assertTrue(mojo.isExternalReport());
        assertTrue(mojo.canGenerateReport());
        assertEquals("ff-benchmark-report", mojo.getOutputName());
        Files.createDirectories(dir.resolve("site"));
        mojo.executeReport(Locale.ROOT);

        String html = Files.readString(dir.resolve("site/ff-benchmark-report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("timed out &lt;after 1 s&gt;"), html);
        assertTrue(html.contains("gates are judged by ff:benchmark and ff:check"), html);

        mojo.results = dir.resolve("nothing.json").toFile();
        assertFalse(mojo.canGenerateReport(), "no results: the page is left out");
    }
}
