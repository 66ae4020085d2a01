package dev.ffbench.fork;

import java.util.Optional;

/**
 * Whether this benchmark's cells may run beside another module's: a build tool that builds several
 * modules at once (Maven's {@code -T}) can run two modules' {@code ff:benchmark} together, and then
 * their speed figures compete for the same cores without anyone noticing (86 vs 314 samples/s for
 * the same cell). Memory figures are exact whatever else runs.
 */
public final class ParallelBuild {
    private ParallelBuild() {}

    /**
     * The warning for a build that runs up to {@code modulesAtOnce} modules at a time with
     * {@code modules} modules in it; empty when only one module builds at a time.
     */
    public static Optional<String> warning(int modulesAtOnce, int modules) {
        if (modulesAtOnce <= 1 || modules <= 1) {
            return Optional.empty();
        }
        return Optional.of("this build runs up to " + modulesAtOnce + " of its " + modules + " modules at a time (mvn -T):"
                + " another module's cells may run beside this one's, so speed figures (samples/s, training time) may"
                + " compete and read lower than alone; memory figures are unaffected. For speed figures that compare,"
                + " run ff:benchmark without -T");
    }
}
