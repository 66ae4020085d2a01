/**
 * Goodness functions: how a layer's activity scores "this is real data". Each is one class
 * registered by name in {@link dev.ffbench.goodness.GoodnessFunctions}; the FF engine only sees the
 * {@link dev.ffbench.goodness.GoodnessFunction} interface.
 */
package dev.ffbench.goodness;
