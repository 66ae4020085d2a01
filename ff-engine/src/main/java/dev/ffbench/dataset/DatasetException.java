package dev.ffbench.dataset;

import dev.ffbench.io.Problem;


/**
 * Bad dataset input. The message always names the file (or resource / directory), says what is wrong
 * and what was expected, because it is shown to the user as-is. A problem built as data
 * ({@link Problem}) is kept as such ({@link #problem()}): its message is the exception's.
 */
public final class DatasetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problem this exception was built from; null when its sentence was worded by hand. */
    private final transient Problem problem;

    /** What {@link Dataset}'s own checks found, without the dataset's name; null for any other problem. */
    private final String dataProblem;

    /** {@link #dataProblem} as data, when it was built as a {@link Problem}; else null. */
    private final transient Problem unnamedDataProblem;

    public DatasetException(String message) {
        this(message, null, null, null, null);
    }

    public DatasetException(String message, Throwable cause) {
        this(message, null, null, null, cause);
    }

    /** One problem as data; the message is its {@link Problem#message()}. */
    public DatasetException(Problem problem) {
        this(problem, null);
    }

    /** One problem as data, found while handling {@code cause}. */
    public DatasetException(Problem problem, Throwable cause) {
        this(problem.message(), problem, null, null, cause);
    }

    private DatasetException(String message, Problem problem, String dataProblem, Problem unnamedDataProblem,
            Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.dataProblem = dataProblem;
        this.unnamedDataProblem = unnamedDataProblem;
    }

    /**
     * A problem {@link Dataset}'s constructor found in the data a source handed it: the message is
     * "dataset NAME: PROBLEM", and {@link #dataProblem()} the problem alone, so that {@link Datasets}, which
     * knows the source, can name it instead of the name the source gave.
     */
    static DatasetException ofData(String dataset, String problem) {
        return new DatasetException("dataset " + dataset + ": " + problem, null, problem, null, null);
    }

    /** {@link #ofData(String, String)} for a problem built as data: {@link #problem()} is it named by the dataset. */
    static DatasetException ofData(String dataset, Problem problem) {
        Problem named = named("dataset " + dataset, problem);
        return new DatasetException(named.message(), named, problem.message(), problem, null);
    }

    /**
     * {@code problem} with its thing prefixed by where it was found, as the messages say it: "PREFIX: THING ...".
     */
    static Problem named(String prefix, Problem problem) {
        return new Problem(prefix + ": " + problem.thing(), problem.value(), problem.allowed(), problem.note(),
                problem.finding());
    }

    /** The problem this exception was built from, as data; null when its message was worded by hand. */
    public Problem problem() {
        return problem;
    }

    /** The problem of {@link #ofData}, or null when the exception is not about the data a source handed over. */
    String dataProblem() {
        return dataProblem;
    }

    /** The problem of {@link #ofData} as data, without the dataset's name; null when it was worded by hand. */
    Problem unnamedDataProblem() {
        return unnamedDataProblem;
    }
}
