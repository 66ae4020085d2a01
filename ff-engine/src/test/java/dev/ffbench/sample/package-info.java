/**
 * Extensions written the way a user writes them, outside the engine's packages and only from its
 * public API: the tests register them in a temporary {@code META-INF/services} directory, never on
 * the test class path, so that the engine's own discovery stays the built-ins.
 */
package dev.ffbench.sample;
