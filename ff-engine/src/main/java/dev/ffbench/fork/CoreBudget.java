package dev.ffbench.fork;

import dev.ffbench.matrix.Cell;
import java.util.List;
import java.util.Optional;

/**
 * Whether the cells that run at once fit the machine's cores: each cell runs {@code threads} ND4J and
 * BLAS threads, and {@code parallelCells} cells run at once. More threads than cores make the cells
 * compete for them, so every time and samples/s figure is slower than a cell alone would measure
 * (memory and accuracy are not affected).
 */
public final class CoreBudget {
    private CoreBudget() {}

    /**
     * The warning to log when the cells running at once (at most {@code parallelCells}, at most as
     * many as there are cells) need more threads than {@code cores}, else empty.
     */
    public static Optional<String> warning(List<Cell> cells, int parallelCells, int cores) {
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        int threads = cells.stream().mapToInt(cell -> cell.spec().threads()).max().orElse(1);
        int concurrent = Math.min(parallelCells, cells.size());
        if (concurrent * threads <= cores) {
            return Optional.empty();
        }
        String atOnce = concurrent == parallelCells ? "parallelCells " + parallelCells
                : concurrent + " cells at once (parallelCells " + parallelCells + ", the matrix has " + cells.size() + ")";
        return Optional.of(atOnce + " x threads " + threads + " = " + concurrent * threads
                + " threads at once on " + cores + " cores: the cells compete for the cores, so their seconds and"
                + " samples/s are slower than each cell alone would measure (memory and accuracy are not affected);"
                + " keep parallelCells x threads <= " + cores + " for speed figures");
    }
}
