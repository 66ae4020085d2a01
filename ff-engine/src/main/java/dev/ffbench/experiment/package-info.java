/**
 * One experiment run: a spec in ({@link dev.ffbench.experiment.ExperimentSpec}), a result out
 * ({@link dev.ffbench.experiment.ExperimentResult}), both JSON through Jackson. The runner loads
 * the dataset, builds the algorithm's model inside the allocation guard, trains, evaluates and
 * fills in the memory ledger and the environment.
 */
package dev.ffbench.experiment;
