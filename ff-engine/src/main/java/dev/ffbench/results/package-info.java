/**
 * The results contract every later stage reads: one finished cell ({@link dev.ffbench.results.CellRecord})
 * and the versioned results document ({@link dev.ffbench.results.ResultsDocument}), their files written and
 * checked figure by figure ({@link dev.ffbench.results.ResultsFiles}), the fingerprints of the code and the
 * environment that produced them, the metrics read from a record ({@link dev.ffbench.results.Metric}),
 * the grouping of seeds, the output directory's layout and the one wording of a capped cell. It judges
 * nothing: it depends on the matrix (a record's cell), the experiment's result and {@link dev.ffbench.io}.
 */
package dev.ffbench.results;
