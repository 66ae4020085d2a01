package dev.ffbench.dataset;

/**
 * Bad dataset input. The message always names the file (or resource / directory), says what is wrong
 * and what was expected, because it is shown to the user as-is.
 */
public final class DatasetException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
