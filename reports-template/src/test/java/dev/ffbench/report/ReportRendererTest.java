package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportRendererTest {

    @Test
    void escapesTheTitleAndRendersEveryLine() {
        String html = new ReportRenderer().render(
                "FF <script>alert(1)</script> run",
                List.of("epoch 1: loss 0.693", "epoch 2: loss 0.412"));

        assertFalse(html.contains("<script>"), "raw <script> must not reach the page:\n" + html);
        assertTrue(html.contains("FF &lt;script&gt;alert(1)&lt;/script&gt; run"),
                "title must be HTML-escaped:\n" + html);
        assertTrue(html.contains("<li>epoch 1: loss 0.693</li>"), html);
        assertTrue(html.contains("<li>epoch 2: loss 0.412</li>"), html);
        assertTrue(html.indexOf("epoch 1") < html.indexOf("epoch 2"), "lines keep their order");
    }
}
