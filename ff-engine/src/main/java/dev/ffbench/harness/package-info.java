/**
 * The harness facade, on top of every stage: {@link dev.ffbench.harness.Harness} expands the matrix
 * ({@link dev.ffbench.matrix}), runs the cells in forked JVMs ({@link dev.ffbench.fork}), writes the
 * results ({@link dev.ffbench.results}), judges them ({@link dev.ffbench.gate}) and writes the outputs
 * ({@link dev.ffbench.output}); nothing below points back at it.
 *
 * <p>No Maven types live here: the plugin's mojos bind POM parameters to the requests and call
 * {@link dev.ffbench.harness.Harness}; anything else (a test, another build tool) can do the same.
 */
package dev.ffbench.harness;
