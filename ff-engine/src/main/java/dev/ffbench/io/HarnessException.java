package dev.ffbench.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Bad harness input (configuration, results or baseline files): the message lists every problem,
 * each naming the parameter or file, the value and what is allowed, because it is shown as-is.
 * Problems built as data ({@link Problem}) are kept as such ({@link #typedProblems()}) beside the
 * sentences of all problems ({@link #problems()}), while some producers still word theirs by hand.
 */
public final class HarnessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final transient List<Problem> typedProblems;

    public HarnessException(String message) {
        this(List.of(message));
    }

    public HarnessException(List<String> problems) {
        this(problems, List.of());
    }

    /** One problem as data. */
    public HarnessException(Problem problem) {
        this(List.of(problem.message()), List.of(problem));
    }

    /** Problems that were all built as data, in the order shown. */
    public static HarnessException of(List<Problem> problems) {
        return new HarnessException(problems.stream().map(Problem::message).toList(), problems);
    }

    /**
     * @param problems every problem's sentence, in the order shown
     * @param typedProblems those of them that were built as data
     */
    public HarnessException(List<String> problems, List<Problem> typedProblems) {
        super(problems.size() == 1 ? problems.get(0) : String.join("\n  ", prepend(problems)));
        this.problems = List.copyOf(problems);
        this.typedProblems = List.copyOf(typedProblems);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
        this.typedProblems = List.of();
    }

    /** Every problem as the user reads it. */
    public List<String> problems() {
        return problems;
    }

    /** The problems that were built as data, in order (a subset of {@link #problems()}). */
    public List<Problem> typedProblems() {
        return typedProblems;
    }

    private static List<String> prepend(List<String> problems) {
        List<String> lines = new ArrayList<>();
        lines.add(problems.size() + " problems:");
        lines.addAll(problems);
        return lines;
    }
}
