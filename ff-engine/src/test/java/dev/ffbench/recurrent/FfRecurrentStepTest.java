package dev.ffbench.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.Extensions;
import dev.ffbench.experiment.SpecResolver;
import dev.ffbench.ff.Labels;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.goodness.SumOfSquares;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.Parallel;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FF Recurrent's fused step against the plain computation of Hinton (2022, section 4) in double: every
 * layer's input the concatenation of its normalized neighbours, recomputed in every iteration; the
 * gradients summed over the iterations. The fused step computes the images' part and the clamped
 * label's once per batch and folds the normalization into the products, so the two agree up to float
 * rounding. One SGD step at learning rate 1 moves every parameter by minus its gradient; the step's losses
 * and the labels the net predicts are compared too.
 */
class FfRecurrentStepTest {
    private static final int IMAGES = 5;
    private static final DatasetShape SHAPE = new DatasetShape(3, 4, 1, 10);
    private static final double DAMPING = 0.3;

    @AfterEach
    void oneThread() {
        Parallel.setThreads(1);
    }

    /** A goodness that is the sum of squares but not a {@link QuadraticGoodness}: the general path, as a project's own. */
    private static final class OpaqueSumOfSquares implements GoodnessFunction {
        private final SumOfSquares plain = new SumOfSquares();

        @Override
        public String name() {
            return "opaque";
        }

        @Override
        public INDArray value(INDArray activations) {
            return plain.value(activations);
        }

        @Override
        public INDArray gradient(INDArray activations, INDArray gradGoodness) {
            return plain.gradient(activations, gradGoodness);
        }

        @Override
        public double naturalThreshold(int units) {
            return plain.naturalThreshold(units);
        }
    }

    @ParameterizedTest(name = "depth {0}, {1}, {2} thread(s), peer normalization {3}")
    @CsvSource({"1, symba, 1, 0", "2, symba, 1, 0", "3, symba, 1, 0", "3, symba, 2, 0", "2, sum-squares, 1, 0",
            "3, opaque, 2, 0", "2, symba, 1, 40", "3, sum-squares, 2, 40"})
    void oneStepMovesEveryParameterByThePlainGradient(int depth, String goodnessName, int threads, double peerWeight) {
        Parallel.setThreads(threads);
        Map<String, String> values = new HashMap<>(Map.of("algorithm", "ff-recurrent", "depth", String.valueOf(depth),
                "width", "6", "optimizer", "sgd", "learningRate", "1", "learningRateSchedule", "constant",
                "iterations", "3", "scoreFrom", "2", "scoreTo", "3", "batchSize", String.valueOf(IMAGES)));
        values.put("goodness", goodnessName.equals("opaque") ? "sum-squares" : goodnessName);
        values.put("peerNormalization", String.valueOf(peerWeight));
        ExperimentSpec spec = SpecResolver.engine().resolve(values);
        Function<String, GoodnessFunction> goodnessFunctions = goodnessName.equals("opaque")
                ? name -> new OpaqueSumOfSquares() : Extensions.engine()::goodness;
        ImageSet images = images();
        int[] order = {4, 0, 3, 1, 2};
        PersistentMemory memory = new PersistentMemory();
        ModelContext context = new ModelContext(spec, SHAPE, memory, new SplittableRandom(7), goodnessFunctions);
        FfRecurrentModel model = new FfRecurrentModel(context);
        Reference reference = new Reference(model, context, DAMPING, 3, peerWeight);
        TrainingPhase phase = model.trainingPhases().get(0);
        phase.start();
        StepLoss loss;
        double[][] pixels;
        try (TransientMemory transientMemory = new TransientMemory("test")) {
            Batch batch = new Batch(images, order, 0, IMAGES, transientMemory, new SplittableRandom(11), 1, 0, 1, null, true);
            try (MemoryWorkspace step = transientMemory.step()) {
                pixels = toDouble(batch.pixels());
                loss = phase.step(batch);
            }
        }
        int[] labels = new int[2 * IMAGES];
        SplittableRandom negatives = new SplittableRandom(11);
        for (int i = 0; i < IMAGES; i++) {
            labels[IMAGES + i] = Labels.uniformWrong(images.label(order[i]), 10, negatives);
            labels[i] = images.label(order[i]);
        }
        double[] expectedLosses = reference.step(pixels, labels);
        for (int l = 0; l < depth; l++) {
            RecurrentLayer layer = model.layers().get(l);
            assertClose(reference.weightGradient(l), minus(layer.dense().weights(), reference.weights(l)), "dW of layer " + (l + 1));
            assertClose(reference.biasGradient(l), minus(layer.dense().bias(), reference.bias(l)), "db of layer " + (l + 1));
            assertEquals(expectedLosses[l], loss.loss(l), 1e-5 * Math.max(1, Math.abs(expectedLosses[l])), "loss of layer " + (l + 1));
        }
        phase.finish();

        try (TransientMemory transientMemory = new TransientMemory("test")) {
            Batch batch = new Batch(images, order, 0, IMAGES, transientMemory, null, 0, 0, 1, null, false);
            try (MemoryWorkspace step = transientMemory.step()) {
                double[][] scores = new Reference(model, context, DAMPING, 3, 0).scores(pixels, 2, 3);
                int[] predicted = model.predict(batch);
                for (int i = 0; i < IMAGES; i++) {
                    assertEquals(argMax(scores[i]), predicted[i], "label of image " + i);
                }
            }
        }
        memory.releaseAll();
    }

    private static ImageSet images() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] pixels = new byte[IMAGES * 12];
        byte[] labels = new byte[IMAGES];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) random.nextInt(256);
        }
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = (byte) random.nextInt(10);
        }
        return new ImageSet(IMAGES, 3, 4, pixels, labels);
    }

    private static int argMax(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            best = scores[k] > scores[best] ? k : best;
        }
        double second = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < scores.length; k++) {
            second = k == best ? second : Math.max(second, scores[k]);
        }
        assertTrue(scores[best] - second > 1e-4, "the reference's best label is clear: " + java.util.Arrays.toString(scores));
        return best;
    }

    private static double[][] toDouble(INDArray array) {
        return array.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** before - after, the gradient SGD at learning rate 1 subtracted. */
    private static double[][] minus(INDArray after, double[][] before) {
        double[][] now = toDouble(after);
        double[][] difference = new double[before.length][before[0].length];
        for (int i = 0; i < before.length; i++) {
            for (int j = 0; j < before[0].length; j++) {
                difference[i][j] = before[i][j] - now[i][j];
            }
        }
        return difference;
    }

    private static void assertClose(double[][] expected, double[][] actual, String what) {
        double scale = 0;
        for (double[] row : expected) {
            for (double value : row) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        assertTrue(scale > 1e-6, what + " is not all zero");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 2e-4 * scale, what + ", row " + i);
        }
    }

    /** The plain computation, in double, on the model's weights before the step. */
    private static final class Reference {
        private final double[][][] weights;
        private final double[][][] biases;
        private final double[][][] weightGradients;
        private final double[][] biasGradients;
        private final int[] below;
        private final int depth;
        private final int width;
        private final double damping;
        private final int iterations;
        private final GoodnessFunction goodness;
        private final LayerLoss layerLoss;
        private final double peerWeight;

        Reference(FfRecurrentModel model, ModelContext context, double damping, int iterations, double peerWeight) {
            this.peerWeight = peerWeight;
            this.depth = model.layers().size();
            this.width = context.spec().width();
            this.damping = damping;
            this.iterations = iterations;
            this.goodness = context.goodness(dev.ffbench.ff.FfOptions.GOODNESS);
            this.layerLoss = context.layerLoss(goodness, width, dev.ffbench.ff.FfOptions.THRESHOLD.of(context.spec()),
                    dev.ffbench.ff.FfOptions.ALPHA.of(context.spec()));
            weights = new double[depth][][];
            biases = new double[depth][][];
            weightGradients = new double[depth][][];
            biasGradients = new double[depth][width];
            below = new int[depth];
            for (int l = 0; l < depth; l++) {
                RecurrentLayer layer = model.layers().get(l);
                weights[l] = toDouble(layer.dense().weights());
                biases[l] = toDouble(layer.dense().bias());
                weightGradients[l] = new double[weights[l].length][width];
                below[l] = layer.aboveOffset();
            }
        }

        double[][] weights(int l) {
            return weights[l];
        }

        double[][] bias(int l) {
            return biases[l];
        }

        double[][] weightGradient(int l) {
            return weightGradients[l];
        }

        double[][] biasGradient(int l) {
            return new double[][] {biasGradients[l]};
        }

        private static double[] normalized(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += v * v;
            }
            double scale = Math.sqrt(sum) / Math.sqrt(x.length) + 1e-8;
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] / scale;
            }
            return out;
        }

        /** Layer l's input row: [norm(below), norm(above)], the above part zero when absent. */
        private double[] input(int l, double[] belowRow, double[] aboveRow) {
            double[] in = new double[weights[l].length];
            System.arraycopy(normalized(belowRow), 0, in, 0, belowRow.length);
            if (aboveRow != null) {
                System.arraycopy(normalized(aboveRow), 0, in, below[l], aboveRow.length);
            }
            return in;
        }

        private double[] z(int l, double[] in) {
            double[] z = biases[l][0].clone();
            for (int i = 0; i < in.length; i++) {
                for (int j = 0; j < width; j++) {
                    z[j] += in[i] * weights[l][i][j];
                }
            }
            return z;
        }

        private static double[] oneHot(int label) {
            double[] row = new double[10];
            row[label] = 1;
            return row;
        }

        private double[][][] bottomUp(double[][] pixels, int rows) {
            double[][][] states = new double[depth][rows][];
            for (int r = 0; r < rows; r++) {
                for (int l = 0; l < depth; l++) {
                    double[] z = z(l, input(l, l == 0 ? pixels[r % pixels.length] : states[l - 1][r], null));
                    for (int j = 0; j < width; j++) {
                        z[j] = Math.max(z[j], 0);
                    }
                    states[l][r] = z;
                }
            }
            return states;
        }

        private double[] aboveRow(int l, double[][][] states, int r, int label) {
            return l == depth - 1 ? oneHot(label) : states[l + 1][r];
        }

        /** One training step on positives then negatives; returns each layer's loss averaged over the iterations. */
        double[] step(double[][] pixels, int[] labels) {
            int rows = labels.length;
            double[][][] states = bottomUp(pixels, rows);
            double[] losses = new double[depth];
            for (int t = 1; t <= iterations; t++) {
                double[][][] next = new double[depth][rows][];
                for (int l = 0; l < depth; l++) {
                    double[][] inputs = new double[rows][];
                    double[][] computed = new double[rows][];
                    float[] goodnessRows = new float[rows];
                    for (int r = 0; r < rows; r++) {
                        inputs[r] = input(l, l == 0 ? pixels[r % pixels.length] : states[l - 1][r], aboveRow(l, states, r, labels[r]));
                        double[] z = z(l, inputs[r]);
                        computed[r] = new double[width];
                        next[l][r] = new double[width];
                        for (int j = 0; j < width; j++) {
                            computed[r][j] = Math.max(z[j], 0);
                            next[l][r][j] = damping * states[l][r][j] + (1 - damping) * computed[r][j];
                        }
                    }
                    INDArray state = Nd4j.createFromArray(next[l]).castTo(DataType.FLOAT);
                    INDArray values = goodness.value(state);
                    for (int r = 0; r < rows; r++) {
                        goodnessRows[r] = values.getFloat(r);
                    }
                    LayerLoss.Value value = layerLoss.of(values);
                    double[] peerShift = new double[width];
                    losses[l] += (value.loss() + peerNormalization(l, next[l], rows / 2, peerShift)) / iterations;
                    double[][] gradState = toDouble(goodness.gradient(state, value.gradGoodness()));
                    for (int r = 0; r < rows; r++) {
                        for (int j = 0; j < width; j++) {
                            // peer normalization's gradient reaches z whether or not the unit fired (straight through)
                            double dz = (computed[r][j] > 0 ? (1 - damping) * gradState[r][j] : 0)
                                    + (r < rows / 2 ? (1 - damping) * peerShift[j] : 0);
                            biasGradients[l][j] += dz;
                            for (int i = 0; i < inputs[r].length; i++) {
                                weightGradients[l][i][j] += inputs[r][i] * dz;
                            }
                        }
                    }
                }
                states = next;
            }
            return losses;
        }

        /** Per layer, peer normalization's running mean of each unit's activity on positive rows (starts at 0). */
        private double[][] runningMeans;

        /**
         * weight * mean_j (mean_k m_k - m_j)^2 with m_j = 0.9 m_j(old) + 0.1 * (unit j's mean over the
         * positive rows of {@code state}); writes d loss / d state[r, j] of a positive row into {@code shift}
         * (the derivative worked out by hand: 2 (m_j - mean m) / units * 0.1 / positives, times the weight).
         */
        private double peerNormalization(int l, double[][] state, int positives, double[] shift) {
            if (peerWeight == 0) {
                return 0;
            }
            if (runningMeans == null) {
                runningMeans = new double[depth][width];
            }
            double average = 0;
            for (int j = 0; j < width; j++) {
                double mean = 0;
                for (int r = 0; r < positives; r++) {
                    mean += state[r][j] / positives;
                }
                runningMeans[l][j] = 0.9 * runningMeans[l][j] + 0.1 * mean;
                average += runningMeans[l][j] / width;
            }
            double loss = 0;
            for (int j = 0; j < width; j++) {
                double d = runningMeans[l][j] - average;
                loss += peerWeight * d * d / width;
                shift[j] = peerWeight * 2 * d / width * 0.1 / positives;
            }
            return loss;
        }

        /** Each image's goodness under each label, summed over layers and iterations from..to. */
        double[][] scores(double[][] pixels, int from, int to) {
            int rows = pixels.length;
            double[][] scores = new double[rows][10];
            for (int label = 0; label < 10; label++) {
                double[][][] states = bottomUp(pixels, rows);
                for (int t = 1; t <= to; t++) {
                    double[][][] next = new double[depth][rows][];
                    for (int l = 0; l < depth; l++) {
                        for (int r = 0; r < rows; r++) {
                            double[] z = z(l, input(l, l == 0 ? pixels[r] : states[l - 1][r], aboveRow(l, states, r, label)));
                            next[l][r] = new double[width];
                            for (int j = 0; j < width; j++) {
                                next[l][r][j] = damping * states[l][r][j] + (1 - damping) * Math.max(z[j], 0);
                            }
                        }
                        if (t >= from) {
                            INDArray values = goodness.value(Nd4j.createFromArray(next[l]).castTo(DataType.FLOAT));
                            for (int r = 0; r < rows; r++) {
                                scores[r][label] += values.getDouble(r);
                            }
                        }
                    }
                    states = next;
                }
            }
            return scores;
        }
    }
}
