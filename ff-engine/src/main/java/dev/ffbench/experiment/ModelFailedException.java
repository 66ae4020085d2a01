package dev.ffbench.experiment;

/**
 * The algorithm's own code threw while building, training or evaluating its model. The cause keeps
 * the original stack trace, which the command line prints into the cell's log.
 */
public final class ModelFailedException extends RuntimeException {
    public ModelFailedException(String algorithm, String origin, Throwable cause) {
        super("algorithm " + algorithm + " (" + origin + ") failed: " + cause, cause);
    }
}
