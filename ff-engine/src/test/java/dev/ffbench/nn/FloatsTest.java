package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Java access to an array's values: index r * columns + c is element [r, c], for arrays and blocks of rows. */
class FloatsTest {

    @Test
    void indexesRowMajorAndWritesThrough() {
        INDArray a = BenchmarkSetup.random(1, 4, 3);
        FloatBuffer values = Floats.of(a);
        assertEquals(12, values.limit());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(a.getFloat(r, c), values.get(r * 3 + c));
            }
        }
        values.put(5, 42f);
        assertEquals(42f, a.getFloat(1, 2));
    }

    @Test
    void aBlockOfRowsStartsAtItsFirstRow() {
        INDArray a = BenchmarkSetup.random(2, 5, 3);
        INDArray rows = a.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
        FloatBuffer values = Floats.of(rows);
        assertEquals(6, values.limit());
        assertEquals(a.getFloat(2, 0), values.get(0));
        assertEquals(a.getFloat(3, 2), values.get(5));
        INDArray row = a.getRow(4, true);
        assertEquals(a.getFloat(4, 1), Floats.of(row).get(1));
    }

    @Test
    void refusesColumnsTransposesAndOtherTypes() {
        INDArray a = BenchmarkSetup.random(3, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> Floats.of(a.getColumn(1, true)));
        assertThrows(IllegalArgumentException.class, () -> Floats.of(a.transpose()));
        assertThrows(IllegalArgumentException.class, () -> Floats.of(Nd4j.zeros(DataType.DOUBLE, 2, 2)));
    }
}
