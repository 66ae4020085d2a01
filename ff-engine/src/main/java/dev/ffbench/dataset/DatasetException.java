package dev.ffbench.dataset;

import dev.ffbench.io.Problem;


/**
 * Bad dataset input. It is built from one {@link Problem} that names the file (or resource / directory),
 * says what is wrong and what is allowed, because it is shown to the user as-is: the message is the
 * problem's {@link Problem#message()}, and {@link #problem()} the problem as data.
 */
public final class DatasetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problem this exception was built from. */
    private final transient Problem problem;

    /** What {@link Dataset}'s own checks found, without the dataset's name; null for any other problem. */
    private final transient Problem unnamedDataProblem;

    /** One problem as data; the message is its {@link Problem#message()}. */
    public DatasetException(Problem problem) {
        this(problem, null);
    }

    /** One problem as data, found while handling {@code cause}. */
    public DatasetException(Problem problem, Throwable cause) {
        this(problem, null, cause);
    }

    private DatasetException(Problem problem, Problem unnamedDataProblem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
        this.unnamedDataProblem = unnamedDataProblem;
    }

    /**
     * A problem {@link Dataset}'s constructor found in the data a source handed it: {@link #problem()} is it
     * named by the dataset ("dataset NAME: PROBLEM"), and {@link #unnamedDataProblem()} the problem alone, so
     * that {@link Datasets}, which knows the source, can name it instead of the name the source gave.
     */
    static DatasetException ofData(String dataset, Problem problem) {
        return new DatasetException(named("dataset " + dataset, problem), problem, null);
    }

    /** {@code problem} named by where it was found, as the messages say it: "PREFIX: THING ...". */
    static Problem named(String prefix, Problem problem) {
        return problem.within(prefix + ": ");
    }

    /** The problem this exception was built from, as data. */
    public Problem problem() {
        return problem;
    }

    /** The problem of {@link #ofData} without the dataset's name, or null when the exception is not about the data a source handed over. */
    Problem unnamedDataProblem() {
        return unnamedDataProblem;
    }
}
