/**
 * Classes that break the engine's layering on purpose, for {@link dev.ffbench.ArchitectureTest} to show
 * that its rules fail on them: a gate and a facade that use each other (a cycle, and a stage pointing
 * back up), and a model that uses a results class (training code that knows a harness stage).
 */
package dev.ffbench.archfixture;
