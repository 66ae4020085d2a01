package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The validation in the ImageSet and Dataset records. */
class DatasetTest {

    @Test
    void pixelsAreUnsignedAndIndexedPerImage() {
        byte[] pixels = {0, 1, 2, 3, (byte) 200, (byte) 255, 6, 7};
        ImageSet set = new ImageSet(2, 2, 2, pixels, new byte[] {3, 9});
        assertEquals(4, set.pixelsPerImage());
        assertEquals(200, set.pixel(1, 0));
        assertEquals(255, set.pixel(1, 1));
        assertEquals(9, set.label(1));
        assertEquals(10, set.bytes());
        assertThrows(IndexOutOfBoundsException.class, () -> set.pixel(0, 4));
    }

    @Test
    void inconsistentImageSetsAreRejectedWithTheProblem() {
        assertMessage("pixels has 7 bytes, expected 8", () -> new ImageSet(2, 2, 2, new byte[7], new byte[2]));
        assertMessage("labels has 1 entries, expected 2", () -> new ImageSet(2, 2, 2, new byte[8], new byte[1]));
        assertMessage("label of image 1 is 10", () -> new ImageSet(2, 2, 2, new byte[8], new byte[] {0, 10}));
        assertMessage("label of image 0 is -1", () -> new ImageSet(1, 1, 1, new byte[1], new byte[] {-1}));
        assertMessage("image size is 0x2", () -> new ImageSet(0, 0, 2, new byte[0], new byte[0]));
        assertMessage("image count is -1", () -> new ImageSet(-1, 2, 2, new byte[0], new byte[0]));
    }

    @Test
    void trainAndTestMustShareTheImageSize() {
        ImageSet train = new ImageSet(1, 2, 3, new byte[6], new byte[1]);
        ImageSet test = new ImageSet(1, 3, 2, new byte[6], new byte[1]);
        assertMessage("train images are 2x3 but test images are 3x2", () -> new Dataset("x", train, test));
        assertEquals(6, new Dataset("x", train, train).pixelsPerImage());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable construct) {
        String message = assertThrows(IllegalArgumentException.class, construct).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
