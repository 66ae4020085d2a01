/**
 * Shared I/O helpers every stage may use, and that use no stage: atomic file writes
 * ({@link dev.ffbench.io.AtomicFiles}), the one JSON mapper ({@link dev.ffbench.io.Json}), the lock on an
 * output directory, the read-only git command line, how paths read in messages, the log the harness
 * writes to ({@link dev.ffbench.io.HarnessLog}), the error a user fixes
 * ({@link dev.ffbench.io.HarnessException}) and the problem it lists, as data ({@link dev.ffbench.io.Problem}).
 * It depends on no other package of the engine, so the training code (the forked cell writing its result) and every harness stage can reach it.
 */
package dev.ffbench.io;
