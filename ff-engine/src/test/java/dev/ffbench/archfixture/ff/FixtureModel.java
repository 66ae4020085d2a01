package dev.ffbench.archfixture.ff;

import dev.ffbench.archfixture.results.FixtureRecord;

/** A model that builds a results record: training code that knows a harness stage. */
public final class FixtureModel {
    private FixtureModel() {}

    /** What the model trained to, as a record of the harness. */
    public static FixtureRecord trained() {
        return new FixtureRecord(0.5);
    }
}
