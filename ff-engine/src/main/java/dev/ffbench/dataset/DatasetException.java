package dev.ffbench.dataset;

/**
 * Bad dataset input. The message always names the file (or resource / directory), says what is wrong
 * and what was expected, because it is shown to the user as-is.
 */
public final class DatasetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What {@link Dataset}'s own checks found, without the dataset's name; null for any other problem. */
    private final String dataProblem;

    public DatasetException(String message) {
        this(message, null, null);
    }

    public DatasetException(String message, Throwable cause) {
        this(message, null, cause);
    }

    private DatasetException(String message, String dataProblem, Throwable cause) {
        super(message, cause);
        this.dataProblem = dataProblem;
    }

    /**
     * A problem {@link Dataset}'s constructor found in the data a source handed it: the message is
     * "dataset NAME: PROBLEM", and {@link #dataProblem()} the problem alone, so that {@link Datasets}, which
     * knows the source, can name it instead of the name the source gave.
     */
    static DatasetException ofData(String dataset, String problem) {
        return new DatasetException("dataset " + dataset + ": " + problem, problem, null);
    }

    /** The problem of {@link #ofData}, or null when the exception is not about the data a source handed over. */
    String dataProblem() {
        return dataProblem;
    }
}
