/**
 * The benchmark harness core: expands an experiment matrix into cells, runs each cell in its own
 * forked JVM (the engine's command line), records every finished cell at once, and writes the
 * versioned results document, the Markdown summary and the JUnit XML.
 *
 * <p>No Maven types live here: the plugin's mojos bind POM parameters to these records and call
 * {@link dev.ffbench.harness.Harness}; anything else (a test, another build tool) can do the same.
 * Gate rules and their evaluation live in {@link dev.ffbench.gate}.
 */
package dev.ffbench.harness;
