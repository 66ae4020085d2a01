package dev.ffbench.api;

import java.util.function.Function;

/**
 * One phase of training: what trains in it and one step of it. The engine calls {@link #start()},
 * then {@link #step(Batch)} for every batch of every epoch, records the phase's memory (the persistent
 * ledger at that moment plus the largest step's working set) and only then calls {@link #finish()}, so
 * a phase's gradients and optimizer state are counted before they are released.
 */
public interface TrainingPhase {

    /** The phase's name in the results and the report, e.g. "layer 2" or "all layers". */
    String name();

    /** Allocates what the phase trains with (gradients, optimizer state) in the persistent ledger. */
    default void start() {}

    /**
     * One step on {@code batch}, inside the step workspace the engine opened; returns the step's loss.
     * The engine averages each loss over the epoch's steps and stops the run as diverged when the mean
     * is NaN or infinite.
     */
    StepLoss step(Batch batch);

    /** Releases what {@link #start()} allocated and the phase no longer needs. */
    default void finish() {}

    /** A phase of {@code name} whose steps are {@code step}, with nothing to allocate or release. */
    static TrainingPhase of(String name, Function<Batch, StepLoss> step) {
        return of(name, () -> { }, step, () -> { });
    }

    /**
     * A phase of {@code name}: {@code start} allocates what it trains with (gradients, optimizer state),
     * {@code step} is one step, {@code finish} releases what {@code start} allocated.
     */
    static TrainingPhase of(String name, Runnable start, Function<Batch, StepLoss> step, Runnable finish) {
        return new TrainingPhase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                start.run();
            }

            @Override
            public StepLoss step(Batch batch) {
                return step.apply(batch);
            }

            @Override
            public void finish() {
                finish.run();
            }
        };
    }
}
