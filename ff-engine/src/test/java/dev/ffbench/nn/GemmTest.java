package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Gemm} against {@code Nd4j.gemm}: the same OpenBLAS, so the same bits, for every transpose
 * combination, alpha and beta, odd shapes and single rows, arrays inside a workspace at a non-zero
 * offset and blocks of a larger array; and the refusals, each naming what it refused.
 */
class GemmTest {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(64L << 20).policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.NONE).build();

    /** m x k x n, both transposes, (alpha, beta) in (1, 0), (0.5, 1), (1, 0.5), (0, 1), (0.5, 0.5). */
    static Stream<Arguments> products() {
        int[][] shapes = {{1, 1, 1}, {1, 7, 5}, {3, 1, 4}, {5, 9, 1}, {17, 33, 9}, {64, 784, 500}, {257, 500, 10}};
        double[][] scales = {{1, 0}, {0.5, 1}, {1, 0.5}, {0, 1}, {0.5, 0.5}};
        Stream.Builder<Arguments> all = Stream.builder();
        for (int[] shape : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (double[] scale : scales) {
                        all.add(Arguments.of(shape[0], shape[1], shape[2], ta, tb, scale[0], scale[1]));
                    }
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} ta={3} tb={4} alpha={5} beta={6}")
    @MethodSource("products")
    void givesTheBitsOfNd4jGemmInAWorkspaceAtAnOffset(int m, int k, int n, boolean ta, boolean tb, double alpha,
            double beta) {
        SplittableRandom random = new SplittableRandom(m * 31L + k * 7L + n);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "gemm-test")) {
            // something first, so that every operand starts at a non-zero offset of the workspace's buffer
            Nd4j.createUninitialized(DataType.FLOAT, 1, 3);
            INDArray a = filled(ta ? k : m, ta ? m : k, random);
            INDArray b = filled(tb ? n : k, tb ? k : n, random);
            INDArray c = filled(m, n, random);
            INDArray expected = c.dup();
            assertTrue(a.isAttached() && c.data().addressPointer().address() != a.data().addressPointer().address());
            Nd4j.gemm(a, b, expected, ta, tb, alpha, beta);
            assertSame(c, Gemm.gemm(a, b, c, ta, tb, alpha, beta));
            assertBitsEqual(expected, c);
        }
    }

    @ParameterizedTest(name = "ta={0} tb={1}")
    @MethodSource("transposes")
    void givesTheBitsOfNd4jGemmOnBlocksOfRowsAndOfColumns(boolean ta, boolean tb) {
        SplittableRandom random = new SplittableRandom(7);
        INDArray big = filled(40, 60, random);
        // a block of whole rows (contiguous, at an offset) and a block of columns (rows a leading dimension apart)
        INDArray a = big.get(NDArrayIndex.interval(3, 3 + 11), NDArrayIndex.interval(0, 60)).get(
                NDArrayIndex.all(), NDArrayIndex.interval(0, 11));
        INDArray rows = big.get(NDArrayIndex.interval(20, 31), NDArrayIndex.all());
        INDArray b = rows.get(NDArrayIndex.all(), NDArrayIndex.interval(5, 16));
        INDArray cBig = filled(30, 30, random);
        INDArray c = cBig.get(NDArrayIndex.interval(2, 13), NDArrayIndex.interval(1, 12));
        INDArray expected = c.dup();
        assertTrue(a.offset() > 0 && b.offset() > 0 && c.offset() > 0, "views at an offset");
        Nd4j.gemm(a, b, expected, ta, tb, 0.5, 0.5);
        // the whole of c's array as it must be after: the block replaced, everything around it as it was
        INDArray after = cBig.dup();
        after.get(NDArrayIndex.interval(2, 13), NDArrayIndex.interval(1, 12)).assign(expected);
        Gemm.gemm(a, b, c, ta, tb, 0.5, 0.5);
        assertBitsEqual(after, cBig);
    }

    static Stream<Arguments> transposes() {
        return Stream.of(Arguments.of(false, false), Arguments.of(true, false), Arguments.of(false, true),
                Arguments.of(true, true));
    }

    @Test
    void refusesNonContiguousRowsNamingShapeOrderAndStrides() {
        INDArray fOrder = Nd4j.create(DataType.FLOAT, new long[] {4, 3}, 'f');
        INDArray b = Nd4j.create(DataType.FLOAT, 3, 2);
        INDArray c = Nd4j.create(DataType.FLOAT, 4, 2);
        IllegalArgumentException problem = assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(fOrder, b, c, false, false, 1, 0));
        assertEquals("gemm's a has shape [4, 3], order 'f' and strides [1, 4]; allowed: rows whose values are"
                + " contiguous (a c-order array or a block of one)", problem.getMessage());
    }

    @Test
    void refusesShapesThatDoNotChainAndOtherTypes() {
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 3);
        assertEquals("gemm shapes are [4, 3]^T x [3, 2] into [4, 2]; allowed: (m x k) x (k x n) into (m x n)",
                assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(a, Nd4j.create(DataType.FLOAT, 3, 2),
                        Nd4j.create(DataType.FLOAT, 4, 2), true, false, 1, 0)).getMessage());
        assertEquals("gemm's b is a DOUBLE array of shape [3, 2]; allowed: a float32 matrix (rank 2)",
                assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(a, Nd4j.create(DataType.DOUBLE, 3, 2),
                        Nd4j.create(DataType.FLOAT, 4, 2), false, false, 1, 0)).getMessage());
        assertEquals("gemm's c has shape [0, 2]; allowed: 1 to 2147483647 rows and columns",
                assertThrows(IllegalArgumentException.class, () -> Gemm.gemm(a, Nd4j.create(DataType.FLOAT, 3, 2),
                        Nd4j.create(DataType.FLOAT, 0, 2), false, false, 1, 0)).getMessage());
    }

    @Test
    void countsEachProduct() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3);
        INDArray b = Nd4j.create(DataType.FLOAT, 3, 2);
        INDArray c = Nd4j.create(DataType.FLOAT, 2, 2);
        long before = Gemm.calls();
        Gemm.gemm(a, b, c, false, false, 1, 0);
        Gemm.gemm(a, b, c, false, false, 1, 0);
        assertEquals(2, Gemm.calls() - before);
    }

    private static INDArray filled(int rows, int columns, SplittableRandom random) {
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
        java.nio.FloatBuffer values = Floats.of(array);
        for (int i = 0; i < rows * columns; i++) {
            values.put(i, (float) (random.nextDouble() * 2 - 1));
        }
        return array;
    }

    private static void assertBitsEqual(INDArray expected, INDArray actual) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()));
        for (long r = 0; r < expected.rows(); r++) {
            for (long col = 0; col < expected.columns(); col++) {
                int want = Float.floatToRawIntBits(expected.getFloat(r, col));
                int got = Float.floatToRawIntBits(actual.getFloat(r, col));
                if (want != got) {
                    throw new AssertionError("element [" + r + ", " + col + "]: Nd4j.gemm " + expected.getFloat(r, col)
                            + ", Gemm " + actual.getFloat(r, col));
                }
            }
        }
    }
}
