package dev.ffbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.io.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation of a split and of a dataset (naming the dataset and the split), K and the content hash. */
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
    void aSplitWhoseCountsDoNotMatchIsRefusedNamingTheDatasetAndTheSplit() {
        ImageSet good = new ImageSet(2, 2, 2, new byte[8], new byte[] {0, 1});
        assertEquals(null, good.problem("test split"));
        assertProblem(Problem.found("dataset x: test split", "has 7 pixel values for 2 images of 2x2",
                "8 (count x height x width x channels, 4 per image)"),
                () -> new Dataset("x", good, new ImageSet(2, 2, 2, new byte[7], new byte[2]), 2));
        assertProblem(Problem.found("dataset x: train split", "has 8 pixel values for 2 images of 2x2x3",
                "24 (count x height x width x channels, 12 per image)"),
                () -> new Dataset("x", new ImageSet(2, 2, 2, 3, new byte[8], new byte[2]), good, 2));
        assertProblem(Problem.found("dataset x: test split", "has 2 images but 1 labels", "one label per image"),
                () -> new Dataset("x", good, new ImageSet(2, 2, 2, new byte[8], new byte[1]), 2));
        assertProblem(Problem.found("dataset x: train split", "has 2 images but 3 labels", "one label per image"),
                () -> new Dataset("x", new ImageSet(2, 2, 2, new byte[8], new byte[3]), good), "also when K is inferred");
        assertProblem(Problem.found("dataset x: train split", "has images of 0x2x1 (height x width x channels)",
                "each at least 1"), () -> new Dataset("x", new ImageSet(1, 0, 2, new byte[0], new byte[1]), good, 2));
        // the sentence users read, pinned once
        assertExactMessage("dataset x: test split has images of 2x2x0 (height x width x channels); allowed: each at least 1",
                () -> new Dataset("x", good, new ImageSet(1, 2, 2, 0, new byte[0], new byte[1]), 2));
    }

    @Test
    void anEmptySplitIsRefused() {
        ImageSet good = new ImageSet(2, 2, 2, new byte[8], new byte[] {0, 1});
        ImageSet empty = new ImageSet(0, 2, 2, new byte[0], new byte[0]);
        Problem emptyTrain = Problem.found("dataset x: train split", "has 0 images", "at least 1 image in each split");
        assertProblem(Problem.found("dataset x: test split", "has 0 images", "at least 1 image in each split"),
                () -> new Dataset("x", good, empty, 2));
        assertProblem(emptyTrain, () -> new Dataset("x", empty, good, 2));
        assertProblem(emptyTrain, () -> new Dataset("x", empty, good), "before K is inferred from no labels");
        assertProblem(Problem.found("dataset x: test split", "has -1 images", "at least 1 image in each split"),
                () -> new Dataset("x", good, new ImageSet(-1, 2, 2, new byte[0], new byte[0]), 2));
    }

    private static ImageSet split(byte... labels) {
        return new ImageSet(labels.length, 1, 2, new byte[2 * labels.length], labels);
    }

    /** {@code perClass} images of each class 0..classes-1, then {@code extra}. */
    private static ImageSet balanced(int classes, int perClass, byte... extra) {
        byte[] labels = new byte[classes * perClass + extra.length];
        for (int i = 0; i < classes * perClass; i++) {
            labels[i] = (byte) (i % classes);
        }
        System.arraycopy(extra, 0, labels, classes * perClass, extra.length);
        return split(labels);
    }

    @Test
    void labelsMustBeBelowKInBothSplits() {
        assertProblem(Problem.found("dataset x: train label of image 1", "is 10", "0..9 (10 classes)"),
                () -> new Dataset("x", split((byte) 0, (byte) 10), split((byte) 1), 10));
        assertProblem(Problem.found("dataset x: test label of image 0", "is 255", "0..9 (10 classes)"),
                () -> new Dataset("x", split((byte) 0, (byte) 9), split((byte) -1), 10));
        assertProblem(Problem.found("dataset x: K", "is 1 (the training labels' largest, 0, plus one)",
                "2..256 classes (labels 0..K-1)"), () -> new Dataset("x", split((byte) 0), split((byte) 0)));
        assertProblem(Problem.found("dataset x: K", "is 257 (the number of classes)", "2..256 classes (labels 0..K-1)"),
                () -> new Dataset("x", split((byte) 0), split((byte) 0), 257));
    }

    @Test
    void withoutADeclaredKTheTrainingLabelsRangeIsK() {
        Dataset d = new Dataset("x", balanced(47, 2), balanced(47, 1));
        assertEquals(47, d.classes());
        assertEquals(new DatasetShape(1, 2, 1, 47), d.shape());
        assertEquals(2, d.shape().inputSize());
    }

    @Test
    void anInferredKIsRefusedWhenAStrayLabelMakesIt() {
        // 2,000 digits 0..9 and one 10: K would be 11, class 10 one image where the mean is 181.9 (1 %: 2)
        assertExactMessage("dataset x: train split: too few training images: label 10: 1 image; allowed: at least 2 per"
                + " class (1 % of the mean, 181.9 = 2,001 images / 11 classes, and at least 1) when K is inferred from the"
                + " training labels (here 11: labels 0..10, the largest plus one); if these classes are meant, declare K:"
                + " new Dataset(name, train, test, 11)", () -> new Dataset("x", balanced(10, 200, (byte) 10), balanced(11, 1)));
        // one 255: classes 10..254 have no image at all
        assertProblem(Problem.found("dataset x: train split:", "too few training images: labels 10..254: 0 images each",
                "at least 1 per class (1 % of the mean, 0.8 = 201 images / 256 classes, and at least 1) when K is inferred"
                + " from the training labels (here 256: labels 0..255, the largest plus one); if these classes are meant,"
                + " declare K: new Dataset(name, train, test, 256)"),
                () -> new Dataset("x", balanced(10, 20, (byte) 255), balanced(10, 1)));
        assertProblem(Problem.found("dataset x: test split:", "no test image for label 9 (20 training images)",
                "at least 1 test image per class when K is inferred from the training labels (here 10: labels 0..9, the"
                + " largest plus one); if these classes are meant, declare K: new Dataset(name, train, test, 10)"),
                () -> new Dataset("x", balanced(10, 20), balanced(9, 1)));
        assertEquals(11, new Dataset("x", balanced(10, 20, (byte) 10), balanced(10, 1), 11).classes(),
                "a declared K is taken as meant");
        assertEquals(10, new Dataset("x", balanced(10, 20, (byte) 9), balanced(10, 1)).classes(),
                "one image more or less of a class is no stray");
    }

    @Test
    void theFewestTrainingImagesOfAClassAreOnePercentOfTheMeanAndAtLeastOne() {
        assertEquals(1, InferredClasses.minimumTrainImages(40, 10));
        assertEquals(1, InferredClasses.minimumTrainImages(1000, 10), "mean 100: 1 % is 1");
        assertEquals(2, InferredClasses.minimumTrainImages(1001, 10));
        assertEquals(8, InferredClasses.minimumTrainImages(8005, 11), "7.3 rounds up");
        assertEquals(60, InferredClasses.minimumTrainImages(60_000, 10), "Fashion-MNIST: 6,000 per class");
    }

    @Test
    void trainAndTestMustShareTheImageSize() {
        ImageSet train = new ImageSet(2, 2, 3, new byte[12], new byte[] {0, 1});
        ImageSet test = new ImageSet(2, 3, 2, new byte[12], new byte[] {0, 1});
        assertProblem(Problem.found("dataset x: train images", "are 2x3 but test images are 3x2", "the same size"),
                () -> new Dataset("x", train, test));
        ImageSet colour = new ImageSet(1, 2, 3, 3, new byte[18], new byte[] {1});
        assertProblem(Problem.found("dataset x: train images", "are 2x3 but test images are 2x3x3", "the same size"),
                () -> new Dataset("x", train, colour));
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

    /** The exception carries {@code expected} as data, and its message is that problem's sentence. */
    private static void assertProblem(Problem expected, org.junit.jupiter.api.function.Executable construct) {
        assertProblem(expected, construct, "");
    }

    private static void assertProblem(Problem expected, org.junit.jupiter.api.function.Executable construct, String why) {
        DatasetException e = assertThrows(DatasetException.class, construct);
        assertEquals(expected, e.problem(), why);
        assertEquals(expected.message(), e.getMessage(), why);
    }

    private static void assertExactMessage(String expected, org.junit.jupiter.api.function.Executable construct) {
        assertExactMessage(expected, construct, "");
    }

    private static void assertExactMessage(String expected, org.junit.jupiter.api.function.Executable construct,
            String why) {
        assertEquals(expected, assertThrows(DatasetException.class, construct).getMessage(), why);
    }
}
