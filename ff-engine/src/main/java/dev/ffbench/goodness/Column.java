package dev.ffbench.goodness;

import dev.ffbench.nn.Floats;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads and writes a column of per-row values (goodness, dL/dg) from Java: through the native buffer
 * for the engine's float32 arrays, element by element for anything else (tests use double arrays).
 */
final class Column {
    private final INDArray array;
    private final FloatBuffer floats;

    Column(INDArray array) {
        this.array = array;
        this.floats = array.dataType() == DataType.FLOAT && Floats.isRowMajorRun(array) ? Floats.of(array) : null;
    }

    double get(int row) {
        return floats != null ? floats.get(row) : array.getDouble(row);
    }

    void set(int row, double value) {
        if (floats != null) {
            floats.put(row, (float) value);
        } else {
            array.putScalar(row, value);
        }
    }

    /** softplus(a) = max(a, 0) + log1p(exp(-|a|)): finite for any finite a (no overflow above ~88 as in float32). */
    static double softplus(double a) {
        return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
    }

    static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }
}
