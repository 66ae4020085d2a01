package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation in the ImageSet and Dataset records, K and the content hash. */
class DatasetTest {

    @Test
    void pixelsAndLabelsAreUnsignedAndIndexedPerImage() {
        byte[] pixels = {0, 1, 2, 3, (byte) 200, (byte) 255, 6, 7};
        ImageSet set = new ImageSet(2, 2, 2, pixels, new byte[] {3, (byte) 200});
        assertEquals(4, set.pixelsPerImage());
        assertEquals(1, set.channels());
        assertEquals(200, set.pixel(1, 0));
        assertEquals(255, set.pixel(1, 1));
        assertEquals(200, set.label(1), "labels are unsigned: up to 256 classes");
        assertEquals(201, set.labelRange());
        assertEquals(10, set.bytes());
        assertThrows(IndexOutOfBoundsException.class, () -> set.pixel(0, 4));
    }

    @Test
    void channelsMultiplyTheValuesPerImage() {
        ImageSet colour = new ImageSet(2, 2, 3, 3, new byte[2 * 18], new byte[] {0, 1});
        assertEquals(18, colour.pixelsPerImage());
        assertEquals("2x3x3", colour.shape());
        assertEquals("2x3", new ImageSet(1, 2, 3, new byte[6], new byte[1]).shape());
    }

    @Test
    void inconsistentImageSetsAreRejectedWithTheProblem() {
        assertMessage("pixels has 7 bytes, expected 8", () -> new ImageSet(2, 2, 2, new byte[7], new byte[2]));
        assertMessage("pixels has 8 bytes, expected 24 (2 images of 2x2x3)",
                () -> new ImageSet(2, 2, 2, 3, new byte[8], new byte[2]));
        assertMessage("labels has 1 entries, expected 2", () -> new ImageSet(2, 2, 2, new byte[8], new byte[1]));
        assertMessage("image size is 0x2x1", () -> new ImageSet(0, 0, 2, new byte[0], new byte[0]));
        assertMessage("image size is 2x2x0", () -> new ImageSet(0, 2, 2, 0, new byte[0], new byte[0]));
        assertMessage("image count is -1", () -> new ImageSet(-1, 2, 2, new byte[0], new byte[0]));
    }

    private static ImageSet split(byte... labels) {
        return new ImageSet(labels.length, 1, 2, new byte[2 * labels.length], labels);
    }

    @Test
    void labelsMustBeBelowKInBothSplits() {
        assertMessage("dataset x: train label of image 1 is 10; allowed: 0..9 (10 classes)",
                () -> new Dataset("x", split((byte) 0, (byte) 10), split((byte) 1), 10));
        assertMessage("dataset x: test label of image 0 is 255; allowed: 0..9 (10 classes)",
                () -> new Dataset("x", split((byte) 0, (byte) 9), split((byte) -1), 10));
        assertMessage("dataset x has 1 class; allowed: 2..256 classes", () -> new Dataset("x", split((byte) 0), split((byte) 0)));
        assertMessage("dataset x has 257 classes", () -> new Dataset("x", split((byte) 0), split((byte) 0), 257));
    }

    @Test
    void withoutADeclaredKTheTrainingLabelsRangeIsK() {
        Dataset d = new Dataset("x", split((byte) 0, (byte) 46, (byte) 3), split((byte) 12));
        assertEquals(47, d.classes());
        assertEquals(new DatasetShape(1, 2, 1, 47), d.shape());
        assertEquals(2, d.shape().inputSize());
    }

    @Test
    void trainAndTestMustShareTheImageSize() {
        ImageSet train = new ImageSet(2, 2, 3, new byte[12], new byte[] {0, 1});
        ImageSet test = new ImageSet(2, 3, 2, new byte[12], new byte[] {0, 1});
        assertMessage("train images are 2x3 but test images are 3x2", () -> new Dataset("x", train, test));
        ImageSet colour = new ImageSet(1, 2, 3, 3, new byte[18], new byte[] {1});
        assertMessage("train images are 2x3 but test images are 2x3x3", () -> new Dataset("x", train, colour));
        assertEquals(6, new Dataset("x", train, train).pixelsPerImage());
    }

    @Test
    void theContentHashFollowsTheDataNotTheFiles() {
        Dataset a = new Synthetic(7, 40, 10).load();
        Dataset sameData = new Dataset("other name", a.train(), a.test(), a.classes(),
                List.of(new DatasetFile("f.csv", 123)));
        assertTrue(a.contentHash().matches("sha256:[0-9a-f]{64}"), a.contentHash());
        assertEquals(a.contentHash(), sameData.contentHash());
        assertNotEquals(a.contentHash(), new Synthetic(8, 40, 10).load().contentHash());
        assertNotEquals(a.contentHash(), new Dataset("x", a.train(), a.test(), 11).contentHash(), "K is part of the data");
        assertEquals(List.of(new DatasetFile("f.csv", 123)), sameData.fingerprint().files());
        assertEquals(a.contentHash().substring(0, 19) + " (1 file, 123 B)", sameData.fingerprint().brief());
    }

    @Test
    void theSummaryRecordsCountsShapeKAndFingerprint() {
        Dataset d = new Synthetic(7, 40, 10, 5).load();
        DatasetSummary summary = d.summary();
        assertEquals(new DatasetSummary(40, 10, 28, 28, 1, 5, d.fingerprint()), summary);
        assertEquals(40L * 785 + 10L * 785, d.bytes());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable construct) {
        String message = assertThrows(IllegalArgumentException.class, construct).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
