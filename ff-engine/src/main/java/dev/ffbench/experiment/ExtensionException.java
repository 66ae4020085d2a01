package dev.ffbench.experiment;

import dev.ffbench.io.Problem;
import java.util.List;

/**
 * The discovered extensions cannot be used: a name provided twice, or a registered class that cannot
 * be created. The message lists every problem, one per line, each naming the classes and their origins.
 * Problems are kept as data ({@link #typedProblems()}) beside every sentence ({@link #problems()}), since a
 * few (a class path that cannot be read) are not yet one.
 */
public final class ExtensionException extends IllegalArgumentException {
    private final List<String> problems;
    private final transient List<Problem> typedProblems;

    /** One problem as data. */
    public ExtensionException(Problem problem) {
        this(List.of(problem.message()), List.of(problem));
    }

    /**
     * @param problems every problem's sentence, in the order shown
     * @param typedProblems those of them that were built as data
     */
    public ExtensionException(List<String> problems, List<Problem> typedProblems) {
        super("cannot use the discovered algorithms, goodness functions and dataset sources:\n  "
                + String.join("\n  ", problems));
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
