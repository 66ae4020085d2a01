package dev.ffbench.experiment;

import java.util.List;

/** A spec that cannot run; the message lists every problem, one per line. */
public final class InvalidSpecException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidSpecException(List<String> problems) {
        super("invalid experiment spec:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
