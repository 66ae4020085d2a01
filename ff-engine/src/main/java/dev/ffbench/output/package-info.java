/**
 * Outputs: what a run's results and the gates' verdicts are written as. The Markdown summary
 * ({@link dev.ffbench.output.SummaryWriter}), the JUnit XML ({@link dev.ffbench.output.JUnitXmlWriter}),
 * the CI workflow commands, the writers the caller adds (the HTML report, through
 * {@link dev.ffbench.output.OutputWriter} and {@link dev.ffbench.output.ReportInputs}), the verdict file
 * beside results.json and the history of runs. It computes no verdict: it reads the results contract and
 * the gates, and never the forks or the harness facade.
 */
package dev.ffbench.output;
