package dev.ffbench.ff;

import static dev.ffbench.nn.CloseArrays.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.sample.DuplicateSumOfSquares;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The first layer's shortcut (x W once per image, the label added as a weight row, the normalization
 * folded into the products, one weight product for a positive and its negative) computes what
 * normalizing and multiplying each labelled row computes: the same activations, loss and gradients as
 * the plain computation in double precision, within float rounding.
 */
class LabelledBatchTest {
    private static final int CLASSES = 10;
    private static final int PIXELS = 12;
    private static final int IMAGES = 5;
    private static final int UNITS = 6;
    /** float32 kernels against double: relative to the largest value. */
    private static final double TOLERANCE = 2e-5;
    private final int[] positives = {3, 0, 9, 4, 4};
    private final int[] negatives = {1, 7, 2, 5, 0};

    private int[] labels() {
        int[] labels = new int[2 * IMAGES];
        System.arraycopy(positives, 0, labels, 0, IMAGES);
        System.arraycopy(negatives, 0, labels, IMAGES, IMAGES);
        return labels;
    }

    /** The batch's images with their labels on, one row per (image, label): the plain input. */
    private INDArray labelledRows(INDArray images, int offset) {
        INDArray labelled = Nd4j.vstack(images, images);
        int[] labels = labels();
        for (int r = 0; r < labels.length; r++) {
            labelled.putScalar(r, offset + labels[r], 1f);
        }
        return labelled;
    }

    private INDArray images(int inputs, int offset) {
        INDArray images = BenchmarkSetup.random(7, IMAGES, inputs);
        images.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + CLASSES)).assign(0);
        return images;
    }

    @ParameterizedTest
    @CsvSource({"overlay, quadratic", "append, quadratic", "overlay, general", "append, general"})
    void shortcutEqualsThePlainComputationOnTheLabelledRows(String mode, String path) {
        LabelEmbedding embedding = new LabelEmbedding(mode, CLASSES);
        int inputs = embedding.inputSize(PIXELS);
        int offset = embedding.labelOffset(PIXELS);
        INDArray images = images(inputs, offset);
        INDArray labelled = labelledRows(images, offset);
        // the general path (a goodness function the kernels do not know) must give the same numbers
        GoodnessFunction goodness = path.equals("quadratic") ? new SumOfSquares() : new DuplicateSumOfSquares();
        LayerLoss loss = goodness.loss(3.0, null);

        PersistentMemory memory = new PersistentMemory();
        FfLayer layer = new FfLayer(memory, inputs, UNITS, new SplittableRandom(2));
        PlainFfLayer.Recording recording = new PlainFfLayer.Recording();
        layer.startTraining(memory, recording);
        LabelledBatch batch = LabelledBatch.of(images, offset, CLASSES);
        INDArray weights = layer.dense().weights().dup();
        INDArray bias = layer.dense().bias().dup();
        PlainFfLayer.Step plain = PlainFfLayer.step(labelled, weights, bias, loss, goodness);

        Activations forward = Activations.create(2 * IMAGES, UNITS);
        layer.forwardLabelled(batch, layer.imageProduct(batch), labels(), forward);
        assertClose(plain.activations(), forward.values(), TOLERANCE, "activations");
        assertClose(plain.activations().mul(plain.activations()).sum(true, 1), forward.squares(), TOLERANCE, "squares");

        Activations handedOn = Activations.create(2 * IMAGES, UNITS);
        double actualLoss = layer.trainStepLabelled(batch, labels(), loss, goodness, handedOn);
        assertEquals(plain.loss(), actualLoss, TOLERANCE * Math.max(1, plain.loss()));
        assertClose(plain.weightGradient(), recording.gradients.get(0), TOLERANCE, "dW");
        assertClose(plain.biasGradient(), recording.gradients.get(1), TOLERANCE, "db");
        assertClose(plain.activations(), handedOn.values(), TOLERANCE, "activations handed on");
        memory.releaseAll();
    }

    /** Building the batch from the dataset's bytes gives the pixels / 255, the label columns zero, and the scales. */
    @ParameterizedTest
    @ValueSource(strings = {"overlay", "append"})
    void batchFromTheDatasetHasTheScaledPixelsAndTheLabelledRowsScale(String mode) {
        ImageSet set = new dev.ffbench.dataset.Synthetic(3, 20, 5).load().train();
        LabelEmbedding embedding = new LabelEmbedding(mode, CLASSES);
        int[] order = {4, 17, 0, 9};
        LabelledBatch batch = LabelledBatch.of(set, order, 1, 3, embedding);
        int pixels = set.pixelsPerImage();
        int inputs = embedding.inputSize(pixels);
        int offset = embedding.labelOffset(pixels);
        assertEquals(3, batch.rows());
        for (int i = 0; i < 3; i++) {
            double squares = 1;
            for (int p = 0; p < inputs; p++) {
                boolean label = p >= offset && p < offset + CLASSES;
                float expected = label || p >= pixels ? 0f : set.pixel(order[1 + i], p) / 255f;
                assertEquals(expected, batch.images().getFloat(i, p), "image " + i + " input " + p);
                squares += expected * expected;
            }
            double scale = Math.sqrt(squares) / Math.sqrt(inputs);
            assertEquals(1 / scale, batch.inverseScales().getDouble(i, 0), 1e-6 / scale);
        }
        assertClose(LabelledBatch.of(batch.images().dup(), offset, CLASSES).inverseScales(),
                batch.inverseScales(), 1e-7, "scales from an array");
    }
}
