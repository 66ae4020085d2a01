package dev.ffbench.experiment;

/**
 * The algorithm's own code threw while building, training or evaluating its model, or its model broke
 * the contract the engine checks (a step's loss, a prediction, a workspace of its own). The cause, when
 * there is one, keeps the original stack trace, which the command line prints into the cell's log.
 */
public final class ModelFailedException extends RuntimeException {
    public ModelFailedException(String algorithm, String origin, Throwable cause) {
        super("algorithm " + algorithm + " (" + origin + ") failed: " + cause, cause);
    }

    /** A broken contract: {@code message} names the algorithm, the model's class, the method and what is allowed. */
    public ModelFailedException(String message) {
        super(message);
    }

    /** A broken contract found when {@code cause} was thrown by code the engine called (its stack trace kept). */
    public ModelFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
