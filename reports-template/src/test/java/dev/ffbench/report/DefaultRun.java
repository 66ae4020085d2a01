package dev.ffbench.report;

import dev.ffbench.results.ResultsDocument;
import dev.ffbench.results.ResultsFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results of a real default run (no matrix parameter set: the README's main job), committed as
 * {@code default-run/results.json} so that the README's pictures are drawn from what a user's first run
 * writes. {@link DefaultRunFixtureTest} fails when the default matrix changes: re-record it then.
 */
final class DefaultRun {
    static final String RESOURCE = "default-run/results.json";

    private DefaultRun() {}

    /** The fixture's text. */
    static String json() throws IOException {
        try (InputStream in = DefaultRun.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("no test resource " + RESOURCE + " beside " + DefaultRun.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ResultsDocument results() throws IOException {
        return ResultsFiles.parse(json(), RESOURCE, ResultsDocument.RESULTS);
    }

    /**
     * A baseline the run regresses against: the same document recorded as a baseline, with the training
     * peaks of the first and third cells smaller by a tenth (growths of about 11 %, beyond a 5 % tolerance)
     * and of the second by a hundredth (a growth of about 1 %, within it), taken from their transient bytes;
     * every other figure as run.
     */
    static ResultsDocument regressingBaseline() throws IOException {
        String json = json().replaceFirst("\"kind\"\\s*:\\s*\"" + ResultsDocument.RESULTS + "\"",
                "\"kind\": \"" + ResultsDocument.BASELINE + "\"");
        Matcher peak = Pattern.compile("(\"trainingPeak\"\\s*:\\s*\\{[^}]*\"transientBytes\"\\s*:\\s*)(\\d+)").matcher(json);
        Pattern number = Pattern.compile("\\d+");
        StringBuilder out = new StringBuilder();
        int cell = 0;
        while (peak.find()) {
            long total = 0;
            for (Matcher part = number.matcher(peak.group(0)); part.find(); ) {
                total += Long.parseLong(part.group());
            }
            long transientBytes = Long.parseLong(peak.group(2));
            // the baseline's peak smaller by a share of the whole peak, taken from its transient part
            long smaller = cell == 0 || cell == 2 ? total / 10 : cell == 1 ? total / 100 : 0;
            peak.appendReplacement(out,
                    Matcher.quoteReplacement(peak.group(1) + (transientBytes - Math.min(transientBytes, smaller))));
            cell++;
        }
        peak.appendTail(out);
        return ResultsFiles.parse(out.toString(), "a baseline derived from " + RESOURCE, ResultsDocument.BASELINE);
    }
}
