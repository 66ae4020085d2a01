package dev.ffbench.experiment;

import java.util.List;

/**
 * The discovered extensions cannot be used: a name provided twice, or a registered class that cannot
 * be created. The message lists every problem, one per line, each naming the classes and their origins.
 */
public final class ExtensionException extends IllegalArgumentException {
    private final List<String> problems;

    public ExtensionException(List<String> problems) {
        super("cannot use the discovered algorithms, goodness functions and dataset sources:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
