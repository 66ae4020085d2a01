package dev.ffbench.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.dataset.Synthetic;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Batches written straight into arrays hold exactly the pixels / 255f that a Java row would. */
class PixelBatchTest {

    @Test
    void rowsAndToArrayHoldTheScaledPixelsOfTheOrderedImages() {
        ImageSet set = new Synthetic(5, 30, 5).load().train();
        int pixels = set.pixelsPerImage();
        int[] order = {7, 29, 3, 0, 12};
        INDArray rows = PixelBatch.rows(set, order, 1, 3);
        float[] expected = new float[3 * pixels];
        for (int i = 0; i < 3; i++) {
            PixelBatch.write(set, order[1 + i], expected, i * pixels);
            for (int p = 0; p < pixels; p++) {
                assertEquals(set.pixel(order[1 + i], p) / 255f, expected[i * pixels + p]);
            }
        }
        assertEquals(3, rows.rows());
        assertArrayEquals(expected, rows.ravel().toFloatVector());
    }
}
