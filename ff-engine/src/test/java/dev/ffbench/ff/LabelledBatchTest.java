package dev.ffbench.ff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.nn.Sgd;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The first layer's shortcut (x W once per image, the label added as 10 weight rows) computes
 * what normalizing and multiplying each labelled row computes: the same activations, the same
 * loss, the same weights after a step.
 */
class LabelledBatchTest {
    private static final int CLASSES = 10;
    private static final int PIXELS = 12;
    private static final int IMAGES = 5;
    private final int[] positives = {3, 0, 9, 4, 4};
    private final int[] negatives = {1, 7, 2, 5, 0};
    private final GoodnessFunction goodness = new SumOfSquares();

    @ParameterizedTest
    @ValueSource(strings = {"overlay", "append"})
    void shortcutEqualsTheLabelledRowsComputedOneByOne(String mode) {
        LabelEmbedding embedding = new LabelEmbedding(mode, CLASSES);
        int inputs = embedding.inputSize(PIXELS);
        int offset = embedding.labelOffset(PIXELS);
        INDArray images = BenchmarkSetup.random(7, IMAGES, inputs);
        images.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + CLASSES)).assign(0);
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, 2 * IMAGES, CLASSES);
        INDArray labelled = Nd4j.vstack(images, images);
        for (int i = 0; i < IMAGES; i++) {
            oneHot.putScalar(i, positives[i], 1f);
            oneHot.putScalar(IMAGES + i, negatives[i], 1f);
            labelled.putScalar(i, offset + positives[i], 1f);
            labelled.putScalar(IMAGES + i, offset + negatives[i], 1f);
        }
        PersistentMemory memory = new PersistentMemory();
        FfLayer rowByRow = new FfLayer(memory, inputs, 6, new SplittableRandom(2));
        FfLayer shortcut = new FfLayer(memory, inputs, 6, new SplittableRandom(2));
        rowByRow.startTraining(memory, new Sgd(0.5));
        shortcut.startTraining(memory, new Sgd(0.5));
        LabelledBatch batch = LabelledBatch.of(images, offset);

        assertArrayEquals(rowByRow.forward(labelled).data().asFloat(),
                shortcut.forwardLabelled(batch, shortcut.imageProduct(batch), oneHot).data().asFloat(), 1e-5f);

        var loss = goodness.loss(3.0, null);
        double expectedLoss = rowByRow.trainStep(labelled, loss, goodness).loss();
        double actualLoss = shortcut.trainStepLabelled(batch, oneHot, loss, goodness).loss();
        assertEquals(expectedLoss, actualLoss, 1e-5);
        // after one SGD step the weights agree, so the gradients did
        assertArrayEquals(rowByRow.forward(labelled).data().asFloat(),
                shortcut.forwardLabelled(batch, shortcut.imageProduct(batch), oneHot).data().asFloat(), 1e-5f);
        memory.releaseAll();
    }
}
