package dev.ffbench.archfixture.harness;

import dev.ffbench.archfixture.gate.FixtureVerdict;

/** A facade that uses the gate below it, as the real one does: allowed alone, a cycle with FixtureVerdict. */
public final class FixtureFacade {
    private FixtureFacade() {}

    /** Its name. */
    public static String name() {
        return "facade";
    }

    /** The gate's answer. */
    public static String verdict() {
        return FixtureVerdict.facadeName();
    }
}
