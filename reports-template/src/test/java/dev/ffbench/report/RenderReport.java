package dev.ffbench.report;

import dev.ffbench.gate.GateReport;
import dev.ffbench.harness.ResultsDocument;
import dev.ffbench.harness.ResultsFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a results.json to report.html and a PNG screenshot with headless Chromium: how the
 * README's screenshot (examples/report-screenshot.png) is made. Arguments: results.json, output
 * html, output png, viewport height in pixels.
 */
final class RenderReport {
    private RenderReport() {}

    public static void main(String[] args) throws Exception {
        ResultsDocument results = ResultsFiles.read(Path.of(args[0]), ResultsDocument.RESULTS);
        Path html = Path.of(args[1]);
        Files.writeString(html, new BenchmarkReport().render(results, new GateReport(java.util.List.of(), java.util.List.of())),
                StandardCharsets.UTF_8);
        Chromium.find().orElseThrow().screenshot(html, Path.of(args[2]), 1000, Integer.parseInt(args[3]));
    }
}
