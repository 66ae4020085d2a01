package dev.ffbench.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.Specs;
import dev.ffbench.matrix.Cell;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** parallelCells x threads above the cores is named in a warning; within the cores nothing is said. */
class CoreBudgetTest {

    private static List<Cell> cells(int count, int threads) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Cell(i, "cell-" + i, Specs.small("ff-base", 2, Map.of("threads", Integer.toString(threads)))))
                .toList();
    }

    @Test
    void withinTheCoresThereIsNoWarning() {
        assertTrue(CoreBudget.warning(cells(4, 1), 2, 2).isEmpty());
        assertTrue(CoreBudget.warning(cells(4, 2), 1, 2).isEmpty());
        assertTrue(CoreBudget.warning(cells(1, 2), 4, 2).isEmpty(), "one cell runs at a time whatever parallelCells");
    }

    @Test
    void aboveTheCoresTheWarningNamesBothSettingsAndTheBound() {
        assertEquals("parallelCells 2 x threads 2 = 4 threads at once on 2 cores: the cells compete for the cores,"
                + " so their seconds and samples/s are slower than each cell alone would measure (memory and accuracy"
                + " are not affected); keep parallelCells x threads <= 2 for speed figures",
                CoreBudget.warning(cells(3, 2), 2, 2).orElseThrow());
        assertTrue(CoreBudget.warning(cells(3, 1), 3, 2).orElseThrow().startsWith("parallelCells 3 x threads 1 = 3 threads"));
        // no more cells run at once than the matrix has, and the arithmetic says so
        assertTrue(CoreBudget.warning(cells(3, 2), 8, 2).orElseThrow().startsWith(
                "3 cells at once (parallelCells 8, the matrix has 3) x threads 2 = 6 threads at once on 2 cores"));
    }
}
