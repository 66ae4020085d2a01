/**
 * One experiment run, internal to the engine: a spec in ({@link dev.ffbench.api.ExperimentSpec}), a
 * result out ({@link dev.ffbench.experiment.ExperimentResult}), both JSON through Jackson. The runner
 * loads the dataset, builds the algorithm's model inside the allocation guard, runs the training loop
 * ({@link dev.ffbench.experiment.TrainingLoop}) and the evaluation over the model's phases and
 * predictor, and fills in the memory ledger (with the Java heap outside it), the traits and the
 * environment. Also the discovery of extensions and the resolution of specs.
 */
package dev.ffbench.experiment;
