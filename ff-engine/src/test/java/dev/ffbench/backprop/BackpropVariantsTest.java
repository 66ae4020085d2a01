package dev.ffbench.backprop;

import static dev.ffbench.nn.CloseArrays.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.ModelContext;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.BenchmarkSetup;
import dev.ffbench.nn.DenseLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Backprop's memory variants compute backprop's gradients: checkpointing recomputes the same
 * activations, and a layer's update during the backward pass comes after the gradient below it was
 * computed with its old weights. Checked on a small net of 5 hidden layers (width 8, 6 rows of 12 inputs).
 */
class BackpropVariantsTest {
    private static final DatasetShape SHAPE = new DatasetShape(3, 4, 1, 10);
    private static final int[] LABELS = {3, 0, 9, 9, 1, 5};

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(new BackpropPlan(2, false), true),
                Arguments.of(new BackpropPlan(3, false), true),
                Arguments.of(new BackpropPlan(3, false), false),
                Arguments.of(new BackpropPlan(null, false), true),
                Arguments.of(new BackpropPlan(5, false), true),
                Arguments.of(new BackpropPlan(1, true), true),
                Arguments.of(new BackpropPlan(1, true), false),
                Arguments.of(new BackpropPlan(2, true), true));
    }

    private static ExperimentSpec spec(String optimizer, String learningRate, boolean normalize) {
        return SpecResolver.engine().resolve(Map.of("algorithm", "backprop", "depth", "5", "width", "8",
                "optimizer", optimizer, "learningRate", learningRate, "normalize", Boolean.toString(normalize)));
    }

    private static BackpropModel model(ExperimentSpec spec, BackpropPlan plan, PersistentMemory memory) {
        return new BackpropModel(new ModelContext(spec, SHAPE, memory, new SplittableRandom(spec.seed()).split(),
                Extensions.engine()::goodness), plan);
    }

    /** Trains {@code steps} steps, each on its own seeded batch, and returns every weight and bias after them. */
    private static List<float[]> train(ExperimentSpec spec, BackpropPlan plan, int steps) {
        PersistentMemory memory = new PersistentMemory();
        BackpropModel model = model(spec, plan, memory);
        model.startTraining();
        try (TransientMemory transientMemory = new TransientMemory("test")) {
            for (int s = 0; s < steps; s++) {
                try (MemoryWorkspace step = transientMemory.step()) {
                    model.trainStep(BenchmarkSetup.random(20 + s, 6, 12), LABELS, transientMemory::scratch);
                }
            }
        }
        List<float[]> parameters = new ArrayList<>();
        for (DenseLayer layer : model.layers()) {
            parameters.add(layer.weights().dup().data().asFloat());
            parameters.add(layer.bias().dup().data().asFloat());
        }
        model.finishTraining();
        memory.releaseAll();
        return parameters;
    }

    /** With SGD at learning rate 1 a parameter moves by exactly its gradient: compared with the plain computation in double. */
    @ParameterizedTest
    @MethodSource("plans")
    void aStepMovesEveryParameterByThePlainGradient(BackpropPlan plan, boolean normalize) {
        ExperimentSpec spec = spec("sgd", "1.0", normalize);
        PersistentMemory memory = new PersistentMemory();
        BackpropModel model = model(spec, plan, memory);
        List<INDArray> before = new ArrayList<>();
        for (DenseLayer layer : model.layers()) {
            before.add(layer.weights().castTo(DataType.DOUBLE));
            before.add(layer.bias().castTo(DataType.DOUBLE));
        }
        INDArray input = BenchmarkSetup.random(8, 6, 12);
        List<INDArray> plain = BackpropKernelsTest.plainGradients(before, input.castTo(DataType.DOUBLE), LABELS, normalize);
        model.startTraining();
        try (TransientMemory transientMemory = new TransientMemory("test");
                MemoryWorkspace step = transientMemory.step()) {
            model.trainStep(input, LABELS, transientMemory::scratch);
        }
        for (int i = 0; i < plain.size(); i++) {
            DenseLayer layer = model.layers().get(i / 2);
            INDArray after = (i % 2 == 0 ? layer.weights() : layer.bias()).castTo(DataType.DOUBLE);
            assertClose(plain.get(i), before.get(i).sub(after), 1e-4, plan + ": gradient " + i);
        }
        model.finishTraining();
        memory.releaseAll();
    }

    /**
     * The same float arithmetic as backprop, not only the same mathematics: after three Adam steps every
     * weight and bias equals plain backprop's to the bit (the same kernels on the same values, in another order).
     */
    @ParameterizedTest
    @MethodSource("plans")
    void threeAdamStepsLeaveTheSameParametersAsBackpropToTheBit(BackpropPlan plan, boolean normalize) {
        ExperimentSpec spec = spec("adam", "0.01", normalize);
        List<float[]> backprop = train(spec, BackpropPlan.PLAIN, 3);
        List<float[]> variant = train(spec, plan, 3);
        for (int i = 0; i < backprop.size(); i++) {
            assertArrayEquals(backprop.get(i), variant.get(i), plan + ": parameter array " + i);
        }
    }

    @Test
    void theDefaultIntervalKeepsTheFewestArraysNearTheSquareRootOfTheDepth() {
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 2, 3), Stream.of(1, 2, 3, 4, 5, 6, 7, 12).map(BackpropPlan::defaultEvery).toList());
        assertEquals(6, BackpropPlan.defaultEvery(47));
        assertEquals(12, BackpropPlan.kept(47, 6), "7 kept inputs besides the first, 5 segment buffers");
        assertEquals(3, new BackpropPlan(9, false).checkpointEvery(3), "k past the depth keeps the first layer's input only");
    }
}
