package dev.ffbench.experiment;

import dev.ffbench.io.Problem;
import java.util.List;

/**
 * A spec that cannot run; the message lists every problem, one per line. Problems the engine finds are kept
 * as data ({@link #typedProblems()}); those an algorithm words itself ({@code Algorithm.problems}) only as
 * sentences, so {@link #problems()} holds every sentence in the order shown.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private final List<String> problems;
    private final transient List<Problem> typedProblems;

    /** Problems worded elsewhere (an algorithm's own checks). */
    public InvalidSpecException(List<String> problems) {
        this(problems, List.of());
    }

    /** One problem as data. */
    public InvalidSpecException(Problem problem) {
        this(List.of(problem.message()), List.of(problem));
    }

    /** Problems that were all built as data, in the order shown. */
    public static InvalidSpecException of(List<Problem> problems) {
        return new InvalidSpecException(problems.stream().map(Problem::message).toList(), problems);
    }

    /**
     * @param problems every problem's sentence, in the order shown
     * @param typedProblems those of them that were built as data
     */
    public InvalidSpecException(List<String> problems, List<Problem> typedProblems) {
        super("invalid experiment spec:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
        this.typedProblems = List.copyOf(typedProblems);
    }

    /** Every problem as the user reads it. */
    public List<String> problems() {
        return problems;
    }

    /** The problems that were built as data, in order (a subset of {@link #problems()}). */
    public List<Problem> typedProblems() {
        return typedProblems;
    }
}
