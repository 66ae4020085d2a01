package dev.ffbench.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Bad harness input (configuration, results or baseline files): the message lists every problem,
 * each naming the parameter or file, the value and what is allowed, because it is shown as-is.
 */
public final class HarnessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public HarnessException(String message) {
        this(List.of(message));
    }

    public HarnessException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : String.join("\n  ", prepend(problems)));
        this.problems = List.copyOf(problems);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    public List<String> problems() {
        return problems;
    }

    private static List<String> prepend(List<String> problems) {
        List<String> lines = new ArrayList<>();
        lines.add(problems.size() + " problems:");
        lines.addAll(problems);
        return lines;
    }
}
