package dev.ffbench.gate;

import dev.ffbench.results.ResultsDocument;

/**
 * The baseline a run is judged against.
 *
 * @param document the baseline, or null when there is none
 * @param source how it is named in messages, the summary and the report: the file relative to the
 *     project ("ff-baseline.json"), with the revision and commit when read from git
 * @param rerecording with a revision ({@code baselineRef}), what the working tree's file (a pull
 *     request's re-recording, which {@code document} then is) changes in the revision's; null otherwise
 */
public record Baseline(ResultsDocument document, String source, BaselineRerecording rerecording) {

    /** A baseline that is no re-recording. */
    public Baseline(ResultsDocument document, String source) {
        this(document, source, null);
    }

    /** True when a baseline document was read. */
    public boolean present() {
        return document != null;
    }
}
