package dev.ffbench.output;

import dev.ffbench.gate.Baseline;
import dev.ffbench.gate.BaselineRerecording.Figure;
import dev.ffbench.gate.BaselineRerecording;
import dev.ffbench.matrix.Cell;
import dev.ffbench.results.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary's banner for a pull request that re-records the baseline ({@link BaselineRerecording}):
 * a GitHub alert block right under the first line, so that a reviewer sees that the gates judged
 * against the pull request's own numbers, and each re-recorded cell with its old (target branch) and
 * new (pull request) figures.
 */
final class BaselineBanner {
    private BaselineBanner() {}

    /** Adds the banner and its table, then a blank line; nothing when {@code baseline} is no re-recording. */
    static void markdown(MarkdownBudget md, Baseline baseline) {
        BaselineRerecording rerecording = baseline == null ? null : baseline.rerecording();
        if (rerecording == null) {
            return;
        }
        String banner = rerecording.banner();
        md.line("> [!WARNING]");
        md.line("> **" + Character.toUpperCase(banner.charAt(0)) + banner.substring(1) + ".** "
                + escape(rerecording.explanation()));
        List<String> header = new ArrayList<>(List.of("> | cell | change |", "> |---|---|"));
        for (Metric metric : rerecording.metrics()) {
            header.set(0, header.get(0) + " " + metric.key() + ": old → new |");
            header.set(1, header.get(1) + "---|");
        }
        MarkdownBudget.Rows rows = md.rows(List.of(">"), header, List.of(), "> _%d more re-recorded cells are folded to keep"
                + " this summary short: report.html (in the same directory or CI artifact) lists every one._");
        for (BaselineRerecording.Cell cell : rerecording.cells()) {
            StringBuilder row = new StringBuilder("> | " + escape(cell.id()) + " | " + cell.change().label() + " |");
            cell.figures().forEach(figure -> row.append(' ').append(figure(figure)).append(" |"));
            rows.add(0, row.toString());
        }
        md.blank();
    }

    /** "100,000 B → **1,000,000 B** (+900,000 B (+900.00 %))"; the new value bold when it changed. */
    private static String figure(Figure figure) {
        String before = figure.before() == null ? "(none)" : figure.beforeText();
        String after = figure.after() == null ? "(none)" : figure.afterText();
        String delta = figure.deltaText();
        return before + " → " + (figure.changed() ? "**" + after + "**" : after)
                + (delta.isEmpty() || !figure.changed() ? "" : " (" + delta + ")");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
