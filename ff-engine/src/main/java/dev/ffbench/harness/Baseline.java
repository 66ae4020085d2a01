package dev.ffbench.harness;

/**
 * The baseline a run is judged against.
 *
 * @param document the baseline, or null when there is none
 * @param source how it is named in messages, the summary and the report: the file relative to the
 *     project ("ff-baseline.json"), with the revision and commit when read from git
 */
public record Baseline(ResultsDocument document, String source) {

    /** True when a baseline document was read. */
    public boolean present() {
        return document != null;
    }
}
