package dev.ffbench.nn;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain Java access to the values of a float32 ND4J array, for the engine's fused kernels: one Java
 * loop over an array's native buffer replaces a chain of ND4J ops, each of which would cost a native
 * call and a full pass over the array (see docs/performance.md, Speed). Only arrays whose values are one
 * contiguous run in row-major order qualify: a c-order array, or a block of whole rows of one
 * ({@code get(interval(a, b), all())}); anything else (a column, a transposed view) is refused.
 */
public final class Floats {
    private Floats() {}

    /**
     * The values of {@code array} (float32, c-order, contiguous) as a buffer over its native memory:
     * index 0 is element [0, 0], index {@code r * columns + c} is element [r, c]. Writes change the
     * array. The buffer object is a small Java view; no array memory is allocated.
     *
     * @throws IllegalArgumentException when the array is not float32 or its values are not one
     *         contiguous row-major run
     */
    public static FloatBuffer of(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, got " + array.dataType());
        }
        if (!isRowMajorRun(array)) {
            throw new IllegalArgumentException("expected a c-order array whose values are contiguous, got "
                    + array.shapeInfoToString().replace('\n', ' '));
        }
        FloatBuffer all = array.data().asNioFloat();
        if (array.offset() == 0 && all.capacity() == array.length()) {
            return all;
        }
        return all.position((int) array.offset()).limit((int) (array.offset() + array.length())).slice();
    }

    /**
     * {@code array} itself when {@link #of} accepts it, else a float32 c-order copy in the current
     * workspace (for arrays from code that may return views or other types, e.g. a user's goodness).
     */
    public static INDArray rowMajor(INDArray array) {
        if (array.dataType() == DataType.FLOAT && isRowMajorRun(array)) {
            return array;
        }
        return array.castTo(DataType.FLOAT).dup('c');
    }

    /** Whether {@link #of} accepts {@code array}: its values are one row-major run. */
    public static boolean isRowMajorRun(INDArray array) {
        if (array.length() <= 1) {
            return true;
        }
        if (array.ordering() != 'c' && !(array.rank() == 2 && array.rows() == 1 && array.stride(1) == 1)) {
            return false;
        }
        long expected = 1;
        for (int d = array.rank() - 1; d >= 0; d--) {
            if (array.size(d) != 1 && array.stride(d) != expected) {
                return false;
            }
            expected *= array.size(d);
        }
        return true;
    }
}
