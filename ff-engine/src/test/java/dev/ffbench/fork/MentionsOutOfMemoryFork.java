package dev.ffbench.fork;

import dev.ffbench.cli.FfEngineCli;

/**
 * A fork whose log mentions OutOfMemoryError (as a library recovering from one might) before the engine
 * rejects its run for another reason: a bad spec. Started with the engine's arguments
 * ({@code run --cell-spec FILE --out FILE --failure FILE}), it runs the real engine with {@code depth=0} and
 * the same result and failure files. Forked by {@link ForkBoundaryTest} in place of the engine.
 */
public final class MentionsOutOfMemoryFork {
    private MentionsOutOfMemoryFork() {}

    public static void main(String[] args) {
        System.out.println("cache: recovered from java.lang.OutOfMemoryError: Java heap space by dropping entries");
        FfEngineCli.main(new String[] {"run", "--set", "depth=0", "--out", args[4], "--failure", args[6]});
    }
}
