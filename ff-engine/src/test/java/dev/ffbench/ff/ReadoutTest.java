package dev.ffbench.ff;

import static dev.ffbench.nn.CloseArrays.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.memory.MemoryCategory;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The softmax readout: its classifier's gradient against finite differences of the cross-entropy in
 * double precision, its features (RMS-1 rows), the first layer's neutral-label pass against the plain
 * computation on rows that carry 1/K on every label input, and its arrays in the ledger.
 */
class ReadoutTest {
    private static final int ROWS = 6;
    private static final int FEATURES = 7;
    private static final int CLASSES = 4;
    private static final double TOLERANCE = 2e-5;
    private final int[] labels = {3, 0, 1, 1, 2, 0};

    /** Mean cross-entropy of softmax(features W) against {@link #labels}, in double. */
    private double crossEntropy(INDArray features, INDArray weights) {
        INDArray logits = features.castTo(DataType.DOUBLE).mmul(weights);
        double loss = 0;
        for (int r = 0; r < ROWS; r++) {
            double max = logits.getRow(r).maxNumber().doubleValue();
            double sum = 0;
            for (int k = 0; k < CLASSES; k++) {
                sum += Math.exp(logits.getDouble(r, k) - max);
            }
            loss += Math.log(sum) + max - logits.getDouble(r, labels[r]);
        }
        return loss / ROWS;
    }

    @Test
    void classifierGradientIsTheFiniteDifferenceGradientOfTheCrossEntropy() {
        PersistentMemory memory = new PersistentMemory();
        Readout readout = Readout.of("softmax-all", 1, FEATURES, CLASSES, memory);
        assertEquals(4L * FEATURES * CLASSES, memory.bytes(MemoryCategory.PARAMETERS), "D x K weights in the ledger");
        PlainFfLayer.Recording recording = new PlainFfLayer.Recording();
        readout.startTraining(memory, recording);
        assertEquals(4L * FEATURES * CLASSES, memory.bytes(MemoryCategory.GRADIENTS));
        INDArray features = BenchmarkSetup.random(3, ROWS, FEATURES);
        // zero weights (the start) give a uniform softmax: a point where every logit matters equally;
        // the second step is at weights of our own to test a non-trivial point
        double loss = readout.trainStep(features, labels);
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, FEATURES, CLASSES);
        assertEquals(crossEntropy(features, zeros), loss, TOLERANCE);
        FiniteDifferences.assertGradient(zeros, () -> crossEntropy(features, zeros),
                recording.gradients.get(0).castTo(DataType.DOUBLE), TOLERANCE);

        INDArray weights = FiniteDifferences.randomDouble(9, FEATURES, CLASSES);
        Floats.of(memory.arrays(MemoryCategory.PARAMETERS).get(0)).put(0, weights.castTo(DataType.FLOAT).reshape(FEATURES * CLASSES).toFloatVector());
        double second = readout.trainStep(features, labels);
        assertEquals(crossEntropy(features, weights), second, TOLERANCE);
        FiniteDifferences.assertGradient(weights, () -> crossEntropy(features, weights),
                recording.gradients.get(1).castTo(DataType.DOUBLE), TOLERANCE);

        readout.finishTraining(memory);
        assertEquals(0, memory.bytes(MemoryCategory.GRADIENTS));
        memory.releaseAll();
    }

    @Test
    void featuresAreEachLayersActivitiesAtRootMeanSquareOne() {
        INDArray values = BenchmarkSetup.random(4, ROWS, 5);
        values.getRow(2).assign(0); // a row with every unit off stays zero
        Activations layer = new Activations(values, values.mul(values).sum(true, 1));
        INDArray into = Nd4j.zeros(DataType.FLOAT, ROWS, 12);
        Readout.putNormalized(layer, into, 7);
        INDArray block = into.get(NDArrayIndex.all(), NDArrayIndex.interval(7, 12));
        INDArray scales = values.castTo(DataType.DOUBLE).norm2(true, 1).divi(Math.sqrt(5)).addi(1e-8);
        assertClose(values.castTo(DataType.DOUBLE).divColumnVector(scales), block.dup(), TOLERANCE, "normalized block");
        assertEquals(0.0, into.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 7)).sumNumber().doubleValue());
    }

    @Test
    void neutralPassIsThePlainLayerOnRowsWithOneOverKOnEveryLabelInput() {
        int pixels = 14;
        int offset = 2;
        int units = 6;
        INDArray images = BenchmarkSetup.random(7, ROWS, pixels);
        images.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + CLASSES)).assign(0);
        INDArray neutralRows = images.dup();
        neutralRows.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + CLASSES)).assign(1.0 / CLASSES);
        PersistentMemory memory = new PersistentMemory();
        FfLayer layer = new FfLayer(memory, pixels, units, new SplittableRandom(4));

        Activations out = Activations.create(ROWS, units);
        // the image product of the labelled batch (the training rows') serves the neutral pass: label columns are zero in both
        INDArray imageProduct = layer.imageProduct(LabelledBatch.of(images, offset, CLASSES));
        layer.forwardNeutral(LabelledBatch.neutral(images, offset, CLASSES), imageProduct, out);
        INDArray plain = PlainFfLayer.activations(neutralRows, layer.dense().weights(), layer.dense().bias());
        assertClose(plain, out.values(), TOLERANCE, "neutral activations");
        assertClose(plain.mul(plain).sum(true, 1), out.squares(), TOLERANCE, "their squares");
        memory.releaseAll();
    }
}
