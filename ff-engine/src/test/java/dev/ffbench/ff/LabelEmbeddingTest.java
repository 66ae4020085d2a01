package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.ImageSet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LabelEmbeddingTest {
    // two 2x6 images, every pixel 255 (1.0 after scaling), so zeroed label columns show
    private static final LabelEmbedding OVERLAY = new LabelEmbedding("overlay", 10);
    private static final LabelEmbedding APPEND = new LabelEmbedding("append", 10);

    private final ImageSet images = new ImageSet(2, 2, 6, filled(24, (byte) 255), new byte[] {4, 7});

    @Test
    void overlayZeroesTheFirstTenInputsForTheLabel() {
        float[] rows = new float[2 * 12];
        OVERLAY.writeImage(images, 1, rows, 1);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, Arrays.copyOfRange(rows, 12, 24));
        assertEquals(12, OVERLAY.inputSize(12));
        assertEquals(0, OVERLAY.labelOffset(12));
    }

    @Test
    void appendKeepsThePixelsAndAddsTenZeroInputs() {
        float[] rows = new float[22];
        Arrays.fill(rows, -1f);
        APPEND.writeImage(images, 0, rows, 0);
        assertEquals(22, APPEND.inputSize(12));
        assertEquals(12, APPEND.labelOffset(12));
        for (int i = 0; i < 12; i++) {
            assertEquals(1f, rows[i], "pixel " + i);
        }
        for (int i = 12; i < 22; i++) {
            assertEquals(0f, rows[i], "label input " + i);
        }
    }

    private static byte[] filled(int n, byte value) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
