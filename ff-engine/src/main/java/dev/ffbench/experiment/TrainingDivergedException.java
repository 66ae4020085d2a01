package dev.ffbench.experiment;

/** Training produced a NaN or infinite loss: the run stops instead of reporting garbage accuracy. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
