/**
 * What a model implements: its {@link dev.ffbench.api.TrainingPhase}s, each a step over one
 * {@link dev.ffbench.api.Batch} that returns its {@link dev.ffbench.api.StepLoss}, and a predictor over
 * one batch ({@link dev.ffbench.api.Model}). The engine ({@code dev.ffbench.experiment}) owns the loop
 * around them: epochs, shuffling, batching, the workspaces, counting images, the divergence check, the
 * memory of every phase, evaluation in batches and the dead-unit observation, so that nothing a model
 * forgets can change a figure. Depends on {@code dataset}, {@code memory} and {@code nn} only.
 */
package dev.ffbench.api;
