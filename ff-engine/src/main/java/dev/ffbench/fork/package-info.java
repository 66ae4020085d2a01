/**
 * The forks: cells to records. Runs each cell in its own JVM, the engine's command line
 * ({@link dev.ffbench.fork.ForkedCellRunner}, {@link dev.ffbench.fork.CellScheduler}), with the JVM, class
 * path, options and memory limits it is started with; reads what a fork left (its result, its failure, a
 * JVM crash, its log); resumes the cells an interrupted run finished; checks before anything runs that a
 * cell fits its fork; reports progress; lists the extensions a fork discovers. It writes the results
 * contract and reads the matrix, and knows no gate, output or the harness facade.
 */
package dev.ffbench.fork;
