package dev.ffbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.matrix.Cell;
import dev.ffbench.matrix.MatrixExpander;
import dev.ffbench.matrix.MatrixParameters;
import dev.ffbench.results.CellRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed default run ({@link DefaultRun}) is a run of today's default matrix: the same cells, in
 * the same order, with the same specs. When the defaults change this fails, and the fixture (and the
 * README's pictures drawn from it by {@link ReportPicturesTest}) must be re-recorded from a new default run:
 * copy its target/ff-benchmark/results.json to src/test/resources/dev/ffbench/report/default-run/.
 */
class DefaultRunFixtureTest {

    @Test
    void theFixtureIsARunOfTheCurrentDefaultMatrix(@TempDir Path dir) throws IOException {
        List<Cell> matrix = MatrixExpander.expand(MatrixParameters.defaults(), dir, Extensions.engine());
        List<CellRecord> recorded = DefaultRun.results().cells();
        String hint = "the default matrix changed since " + DefaultRun.RESOURCE + " was recorded: re-record it from a"
                + " new default run (see this test's docstring)";
        assertEquals(matrix.stream().map(Cell::id).toList(), recorded.stream().map(CellRecord::id).toList(), hint);
        for (int i = 0; i < matrix.size(); i++) {
            assertEquals(matrix.get(i).spec(), recorded.get(i).spec(),
                    hint + ": cell " + matrix.get(i).id());
        }
        assertEquals(matrix.size(), DefaultRun.results().matrixCells(), hint);
    }
}
