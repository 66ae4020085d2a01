/**
 * What a project implements and composes to benchmark its own Forward-Forward code: an
 * {@link dev.ffbench.api.Algorithm} with its typed {@link dev.ffbench.api.Option}s and
 * {@link dev.ffbench.api.AlgorithmTraits}, which reads the resolved {@link dev.ffbench.api.ExperimentSpec}
 * and builds, from a {@link dev.ffbench.api.ModelContext}, a {@link dev.ffbench.api.Model}: its
 * {@link dev.ffbench.api.TrainingPhase}s, each a step over one {@link dev.ffbench.api.Batch} that returns
 * its {@link dev.ffbench.api.StepLoss}, and a predictor over one batch. The engine
 * ({@code dev.ffbench.experiment}, internal) owns the loop around them: epochs, shuffling, batching, the
 * workspaces, counting images, the divergence check, the memory of every phase, evaluation in batches
 * and the dead-unit observation, so that nothing a model forgets can change a figure. The building
 * blocks are in {@code nn}, {@code ff}, {@code goodness} (goodness functions) and {@code dataset}
 * (dataset sources). Depends on those and on {@code memory} only.
 */
package dev.ffbench.api;
