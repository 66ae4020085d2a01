package dev.ffbench.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.goodness.ThresholdLoss;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Adam;
import dev.ffbench.nn.FiniteDifferences;
import dev.ffbench.nn.FloatDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The damped recurrent step's parameter gradients, and their sum over iterations. */
class RecurrentLayerGradientTest {
    private static final double DAMPING = 0.3;
    private final GoodnessFunction goodness = new SumOfSquares();
    private final LayerLoss loss = new ThresholdLoss(3.0);

    private double lossOf(RecurrentLayer layer, INDArray below, INDArray above, INDArray previous) {
        INDArray state = RecurrentLayer.damp(previous, layer.compute(below, above), DAMPING);
        return loss.of(goodness.value(state)).loss();
    }

    @Test
    void oneIterationsWeightAndBiasGradientsMatchFiniteDifferences() {
        PersistentMemory memory = new PersistentMemory();
        RecurrentLayer layer = new RecurrentLayer(memory, 5, 3, 4, new SplittableRandom(3));
        layer.startTraining(memory, new Adam(0.01));
        INDArray below = FiniteDifferences.randomDouble(31, 6, 5).castTo(DataType.FLOAT);
        INDArray above = FiniteDifferences.randomDouble(32, 6, 3).castTo(DataType.FLOAT);
        INDArray previous = FiniteDifferences.randomDouble(33, 6, 4).addi(1).castTo(DataType.FLOAT);

        layer.trainIteration(below, above, previous, DAMPING, loss, goodness, true);

        FloatDifferences.assertGradient(layer.dense().weights(), () -> lossOf(layer, below, above, previous),
                layer.gradients().weights());
        FloatDifferences.assertGradient(layer.dense().bias(), () -> lossOf(layer, below, above, previous),
                layer.gradients().bias());
        memory.releaseAll();
    }

    @Test
    void laterIterationsAddToTheGradientInsteadOfReplacingIt() {
        PersistentMemory memory = new PersistentMemory();
        RecurrentLayer layer = new RecurrentLayer(memory, 5, 3, 4, new SplittableRandom(4));
        layer.startTraining(memory, new Adam(0.01));
        INDArray below = FiniteDifferences.randomDouble(41, 6, 5).castTo(DataType.FLOAT);
        INDArray above = FiniteDifferences.randomDouble(42, 6, 3).castTo(DataType.FLOAT);
        INDArray previous = FiniteDifferences.randomDouble(43, 6, 4).addi(1).castTo(DataType.FLOAT);

        layer.trainIteration(below, above, previous, DAMPING, loss, goodness, true);
        float[] once = layer.gradients().weights().dup().data().asFloat();
        layer.trainIteration(below, above, previous, DAMPING, loss, goodness, false);
        float[] twice = layer.gradients().weights().data().asFloat();
        float[] doubled = new float[once.length];
        for (int i = 0; i < once.length; i++) {
            doubled[i] = 2 * once[i];
        }
        assertArrayEquals(doubled, twice, 1e-5f);
        memory.releaseAll();
    }
}
