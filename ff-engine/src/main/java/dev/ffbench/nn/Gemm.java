package dev.ffbench.nn;

import dev.ffbench.io.Problem;
import java.util.concurrent.atomic.LongAdder;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's matrix product: {@code cblas_sgemm} of JavaCPP's OpenBLAS ({@code libopenblas_nolapack}),
 * called directly on the arrays' native memory. {@code Nd4j.gemm} ends in the same OpenBLAS routine,
 * but first builds an {@code Mmul} op (whose constructor draws a random UUID), an op context and its
 * shape checks: about 0.15-0.18 ms a call against about 0.4 us here, which at 64-image steps was a
 * large part of a step (docs/performance.md, Speed). The results are bit-for-bit those of
 * {@code Nd4j.gemm} ({@code GemmTest}).
 *
 * <p>Only float32 matrices whose rows are contiguous are taken (each row's values one after the other;
 * the rows may be a leading-dimension apart, as in a block of whole rows or columns of a c-order
 * array); anything else is refused with an {@link IllegalArgumentException} rather than copied: every
 * array the engine multiplies is a c-order workspace or ledger array, and a silent copy would be
 * memory outside the ledger's count.
 */
public final class Gemm {
    /** Products run, for {@code dev.ffbench.experiment.OpCounter}: they are no ND4J ops, but are the work. */
    private static final LongAdder CALLS = new LongAdder();

    private Gemm() {}

    /**
     * c = alpha op(a) op(b) + beta c, op(x) being x or its transpose: what
     * {@code Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta)} computes, with the same result.
     * With beta 0, c's previous values are not read (NaN in c does not survive).
     *
     * @param a (m x k), or (k x m) when {@code transposeA}
     * @param b (k x n), or (n x k) when {@code transposeB}
     * @param c (m x n), written in place
     * @return {@code c}
     * @throws IllegalArgumentException when an array is not a float32 matrix with contiguous rows, is
     *         empty, or the shapes do not chain
     */
    public static INDArray gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB,
            double alpha, double beta) {
        long lda = leadingDimension("a", a);
        long ldb = leadingDimension("b", b);
        long ldc = leadingDimension("c", c);
        long m = transposeA ? a.columns() : a.rows();
        long k = transposeA ? a.rows() : a.columns();
        long kb = transposeB ? b.columns() : b.rows();
        long n = transposeB ? b.rows() : b.columns();
        if (k != kb || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException(Problem.found("gemm shapes", "are " + shape(a) + (transposeA ? "^T" : "")
                    + " x " + shape(b) + (transposeB ? "^T" : "") + " into " + shape(c),
                    "(m x k) x (k x n) into (m x n)").message());
        }
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                (int) m, (int) n, (int) k, (float) alpha, pointer(a), (int) lda, pointer(b), (int) ldb, (float) beta,
                pointer(c), (int) ldc);
        CALLS.increment();
        return c;
    }

    /** How many products {@link #gemm} has run in this JVM, on any thread. */
    public static long calls() {
        return CALLS.sum();
    }

    /**
     * The distance between the starts of two rows of {@code array}, in floats, when its rows are
     * contiguous; else the refusal.
     */
    private static long leadingDimension(String name, INDArray array) {
        if (array.dataType() != DataType.FLOAT || array.rank() != 2) {
            throw new IllegalArgumentException(Problem.found("gemm's " + name,
                    "is a " + array.dataType() + " array of shape " + shape(array), "a float32 matrix (rank 2)").message());
        }
        long rows = array.rows();
        long columns = array.columns();
        if (rows == 0 || columns == 0 || rows > Integer.MAX_VALUE || columns > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(Problem.found("gemm's " + name, "has shape " + shape(array),
                    "1 to " + Integer.MAX_VALUE + " rows and columns").message());
        }
        // a single row or column has no second stride that matters: its values are one run either way
        long ld = rows == 1 ? columns : array.stride(0);
        boolean rowsContiguous = (columns == 1 || array.stride(1) == 1) && ld >= columns && ld <= Integer.MAX_VALUE;
        if (!rowsContiguous) {
            throw new IllegalArgumentException(Problem.found("gemm's " + name, "has shape " + shape(array) + ", order '"
                    + array.ordering() + "' and strides " + java.util.Arrays.toString(array.stride()),
                    "rows whose values are contiguous (a c-order array or a block of one)").message());
        }
        return ld;
    }

    /**
     * The address of element [0, 0]. An array's {@code offset()} counts from the start of the memory its
     * buffer views, and a view's buffer's {@code addressPointer()} already points {@code data().offset()}
     * floats into that memory (a block of rows 3.. of a 60-column array: both 180), so the address is
     * the buffer's pointer moved by their difference: 0 for a whole array (in a workspace, its pointer is
     * its place there) and for a block of rows, the column offset for a block of columns.
     */
    private static FloatPointer pointer(INDArray array) {
        DataBuffer data = array.data();
        long start = data.addressPointer().address() + (array.offset() - data.offset()) * Float.BYTES;
        // JavaCPP's way to a pointer at a raw address (a name other than "address": the field would shadow it)
        return new FloatPointer() {
            {
                address = start;
            }
        };
    }

    private static String shape(INDArray array) {
        return java.util.Arrays.toString(array.shape());
    }
}
