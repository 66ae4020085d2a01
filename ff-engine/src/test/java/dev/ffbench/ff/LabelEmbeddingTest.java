package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.ImageSet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LabelEmbeddingTest {
    // two 2x6 images: pixel values 255 everywhere, so an overlay is visible as 1.0 -> 0/1
    private final ImageSet images = new ImageSet(2, 2, 6, filled(24, (byte) 255), new byte[] {4, 7});

    @Test
    void overlayReplacesTheFirstTenInputsWithTheOneHotLabel() {
        float[] rows = new float[2 * 12];
        LabelEmbedding.OVERLAY.write(images, 1, 7, rows, 1);
        float[] second = java.util.Arrays.copyOfRange(rows, 12, 24);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1}, second);
        assertEquals(12, LabelEmbedding.OVERLAY.inputSize(12));
    }

    @Test
    void appendAddsTenInputsAfterThePixels() {
        float[] rows = new float[22];
        LabelEmbedding.APPEND.write(images, 0, 2, rows, 0);
        assertEquals(22, LabelEmbedding.APPEND.inputSize(12));
        assertEquals(1f, rows[0]);
        assertEquals(1f, rows[11]);
        assertEquals(1f, rows[12 + 2]);
        assertEquals(1f, java.util.Arrays.stream(box(rows, 12, 22)).sum());
    }

    @Test
    void relabelLeavesExactlyOneHotForTheNewLabel() {
        for (LabelEmbedding embedding : LabelEmbedding.values()) {
            int inputs = embedding.inputSize(12);
            float[] rows = new float[2 * inputs];
            embedding.write(images, 0, 4, rows, 0);
            embedding.write(images, 1, 7, rows, 1);
            INDArray input = Nd4j.create(rows, new long[] {2, inputs}, 'c');
            embedding.relabel(input, 12, 3);
            embedding.relabel(input, 12, 9);
            int offset = embedding == LabelEmbedding.APPEND ? 12 : 0;
            for (int row = 0; row < 2; row++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(c == 9 ? 1f : 0f, input.getFloat(row, offset + c), embedding + " row " + row + " label " + c);
                }
            }
        }
    }

    private static byte[] filled(int n, byte value) {
        byte[] bytes = new byte[n];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private static double[] box(float[] values, int from, int to) {
        double[] result = new double[to - from];
        for (int i = from; i < to; i++) {
            result[i - from] = values[i];
        }
        return result;
    }
}
