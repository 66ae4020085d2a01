package dev.ffbench.archfixture.gate;

import dev.ffbench.archfixture.harness.FixtureFacade;

/** A gate that reaches up into the facade: what the layering forbids. */
public final class FixtureVerdict {
    private FixtureVerdict() {}

    /** The facade's name, read from the gate. */
    public static String facadeName() {
        return FixtureFacade.name();
    }
}
