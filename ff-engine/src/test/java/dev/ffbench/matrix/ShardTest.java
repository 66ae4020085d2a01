package dev.ffbench.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.experiment.Extensions;
import dev.ffbench.io.HarnessException;
import dev.ffbench.io.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
    private final List<Cell> matrix = MatrixExpander.expand(MatrixParameters.builder()
            .algorithms("ff-base", "backprop").depths("2", "4", "8").widths("16", "32")
            
            .dataset("synthetic").epochs("1").batchSize("50").maxStepsPerEpoch("2").build(), Path.of("."), Extensions.engine());

    @Test
    void theShardsTogetherHoldEveryCellExactlyOnceAndTheSplitIsTheSameEveryTime() {
        for (int count = 1; count <= 5; count++) {
            List<Cell> union = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                List<Cell> shard = new Shard(index, count).select(matrix);
                assertEquals(shard, new Shard(index, count).select(matrix), "deterministic");
                int expected = matrix.size() / count + (index - 1 < matrix.size() % count ? 1 : 0);
                assertEquals(expected, shard.size(), "balanced: shard " + index + "/" + count);
                union.addAll(shard);
            }
            union.sort(Comparator.comparingInt(Cell::index));
            assertEquals(matrix, union, count + " shards");
        }
    }

    @Test
    void parsesIOverN() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        assertTrue(Shard.parse(null).isWhole());
        assertTrue(Shard.parse("").isWhole());
    }

    @Test
    void rejectsMalformedOrOutOfRangeShardsNamingTheParameter() {
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0", "-1/2")) {
            HarnessException e = assertThrows(HarnessException.class, () -> Shard.parse(bad));
            assertEquals(List.of(new Problem("shard", bad, "i/n with whole numbers 1 <= i <= n, e.g. 2/4 for the second"
                    + " of four parts")), e.typedProblems());
        }
        assertThrows(HarnessException.class, () -> new Shard(3, 2));
    }

    @Test
    void aShardWithNoCellIsAnError() {
        HarnessException e = assertThrows(HarnessException.class, () -> new Shard(13, 13).select(matrix));
        assertEquals(List.of(Problem.found("shard 13/13", "selects no cell: the matrix has only 12 cells",
                "at most 12 shards for this matrix")), e.typedProblems());
    }
}
