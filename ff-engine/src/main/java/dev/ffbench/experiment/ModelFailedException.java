package dev.ffbench.experiment;

import dev.ffbench.io.Problem;
import java.util.Optional;

/**
 * The algorithm's own code threw while building, training or evaluating its model, or its model broke
 * the contract the engine checks (a step's loss, a prediction, a workspace of its own). The cause, when
 * there is one, keeps the original stack trace, which the command line prints into the cell's log. A
 * broken contract keeps its {@link Problem} ({@link #problem()}).
 */
public final class ModelFailedException extends RuntimeException {
    private final transient Problem problem;

    public ModelFailedException(String algorithm, String origin, Throwable cause) {
        super("algorithm " + algorithm + " (" + origin + ") failed: " + cause, cause);
        this.problem = null;
    }

    /** A broken contract: the problem names the algorithm, the model's class, the method and what is allowed. */
    public ModelFailedException(Problem problem) {
        this(problem, null);
    }

    /** A broken contract found when {@code cause} was thrown by code the engine called (its stack trace kept). */
    public ModelFailedException(Problem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    /** A failure worded without a value and what is allowed (code the engine called threw). */
    public ModelFailedException(String message, Throwable cause) {
        super(message, cause);
        this.problem = null;
    }

    /** The broken contract as data; empty when the algorithm's code threw. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }
}
