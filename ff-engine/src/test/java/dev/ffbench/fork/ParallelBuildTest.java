package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warning for a build that may run two modules' cells at once (the IT parallel-modules runs mvn -T 2). */
class ParallelBuildTest {

    @Test
    void aSerialBuildOrASingleModuleNeedsNoWarning() {
        assertEquals(Optional.empty(), ParallelBuild.warning(1, 5), "mvn without -T");
        assertEquals(Optional.empty(), ParallelBuild.warning(4, 1), "-T 4 on a single module: nothing runs beside it");
    }

    @Test
    void severalModulesAtOnceWarnThatSpeedFiguresMayCompete() {
        assertEquals(Optional.of("this build runs up to 2 of its 3 modules at a time (mvn -T): another module's cells may"
                + " run beside this one's, so speed figures (samples/s, training time) may compete and read lower than"
                + " alone; memory figures are unaffected. For speed figures that compare, run ff:benchmark without -T"),
                ParallelBuild.warning(2, 3));
    }
}
