/**
 * The engine's command line: {@code run} executes one experiment spec and writes its result as
 * JSON (the harness forks this), {@code benchmark} runs a spec for several algorithms and prints a
 * comparison table.
 */
package dev.ffbench.cli;
