/**
 * Gates: the rules a benchmark's results must satisfy, and their evaluation.
 *
 * <p>Three kinds, each judged on the cells that passed: absolute bounds in the style of
 * {@code jacoco:check} (cells selected by algorithm, depth, width, goodness, dataset x a metric x
 * minimum/maximum), bounds relative to a stored baseline (memory growth in per cent, judged per
 * cell because memory is exact; accuracy drop in points, judged on the mean over the seeds both
 * sides have with a bounded allowance for seed noise) and FF-vs-reference ratios at the same depth
 * and width. Evaluation is pure: it returns every outcome, and the caller decides, after writing
 * everything, whether the build fails.
 *
 * <p>Also the baseline a run is judged against ({@link dev.ffbench.gate.Baseline}, read from a file or a git
 * revision by {@link dev.ffbench.gate.BaselineSource}) and the run's verdict. It reads the results contract
 * and the matrix's selectors, and never an output or the harness facade.
 */
package dev.ffbench.gate;
