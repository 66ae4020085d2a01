package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Compares a fused kernel's float32 result with the plain computation's (often double) one. */
public final class CloseArrays {
    private CloseArrays() {}

    /** Asserts |expected - actual| <= tolerance * max(1, max |expected|) element-wise, shapes of equal length. */
    public static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        double[] e = expected.castTo(DataType.DOUBLE).reshape(expected.length()).toDoubleVector();
        double[] a = actual.castTo(DataType.DOUBLE).reshape(actual.length()).toDoubleVector();
        assertEquals(e.length, a.length, what + " length");
        double scale = 1;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= tolerance * scale)) {
                fail(what + "[" + i + "]: expected " + e[i] + ", got " + a[i] + " (tolerance " + tolerance * scale + ")");
            }
        }
    }
}
