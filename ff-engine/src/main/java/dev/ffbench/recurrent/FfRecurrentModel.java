package dev.ffbench.recurrent;

import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.ff.FfOptions;
import dev.ffbench.ff.Labels;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LearningRateSchedule;
import dev.ffbench.nn.LengthNorm;
import dev.ffbench.nn.Optimizer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * FF Recurrent. A training step: the batch's images (positives and their negatives share them) at
 * the bottom, true or wrong labels clamped at the top, one bottom-up pass, then {@code iterations}
 * synchronous damped updates in which every layer takes the local loss; each layer's gradients are
 * summed over the iterations and applied once per batch, at the learning rate of the step (constant,
 * then cooled down linearly over the last coolDownFraction of the steps). Every layer trains for
 * the whole run, so all of them hold gradients and optimizer state until training ends.
 */
final class FfRecurrentModel implements Model {
    private final PersistentMemory memory;
    private final ExperimentSpec spec;
    private final List<RecurrentLayer> layers = new ArrayList<>();
    private final GoodnessFunction goodness;
    private final LayerLoss layerLoss;
    private final Optimizer optimizer;
    private final double learningRate;
    private final int classes;
    private final boolean hardNegatives;
    private final int iterations;
    private final double damping;
    private final int scoreFrom;
    private final int scoreTo;
    private final LearningRateSchedule schedule;
    private final double peerWeight;
    /** Each training row's clamped label (positives, then negatives), reused by every step. */
    private final int[] rowLabels;
    /** One label for every image of a scoring pass, reused by every pass. */
    private final int[] passLabels;
    /** 1 / s of a one-hot label row: what the clamped label's normalized input multiplies its weight row by. */
    private final float labelInverse;

    FfRecurrentModel(ModelContext context) {
        this.memory = context.memory();
        this.spec = context.spec();
        this.goodness = context.goodness(FfOptions.GOODNESS);
        this.layerLoss = context.layerLoss(goodness, spec.width(), FfOptions.THRESHOLD.of(spec), FfOptions.ALPHA.of(spec));
        this.learningRate = context.learningRate();
        this.optimizer = Optimizer.named(spec.optimizer(), learningRate);
        this.classes = context.classes();
        this.hardNegatives = FfOptions.NEGATIVES.of(spec).equals("hard");
        this.iterations = FfRecurrent.ITERATIONS.of(spec);
        this.damping = FfRecurrent.DAMPING.of(spec);
        this.scoreFrom = FfRecurrent.SCORE_FROM.of(spec);
        this.scoreTo = FfRecurrent.SCORE_TO.of(spec);
        this.schedule = new LearningRateSchedule(FfOptions.LEARNING_RATE_SCHEDULE.of(spec),
                FfOptions.COOL_DOWN_FRACTION.of(spec));
        this.peerWeight = FfRecurrent.PEER_NORMALIZATION.of(spec);
        this.rowLabels = new int[2 * spec.batchSize()];
        this.passLabels = new int[spec.batchSize()];
        this.labelInverse = LengthNorm.inverseScale(1.0, classes);
        SplittableRandom init = context.random();
        for (int l = 0; l < spec.depth(); l++) {
            int below = l == 0 ? context.inputSize() : spec.width();
            int above = l == spec.depth() - 1 ? classes : spec.width();
            layers.add(new RecurrentLayer(memory, below, above, spec.width(), init));
        }
    }

    @Override
    public List<TrainingPhase> trainingPhases() {
        return List.of(TrainingPhase.of("all layers", () -> layers.forEach(layer -> layer.startTraining(memory, optimizer, peerWeight)),
                batch -> {
                    optimizer.scaleLearningRate(schedule.factor(batch.step(), batch.steps()));
                    return StepLoss.ofLayers(1, trainStep(batch));
                },
                () -> layers.forEach(layer -> layer.finishTraining(memory))));
    }

    /** One batch; returns each layer's loss averaged over the iterations. */
    private double[] trainStep(Batch batch) {
        double[] stepLosses = new double[layers.size()];
        int count = batch.count();
        int[] labels = rowLabels;
        Labels.positivesAndNegatives(batch, hardNegatives ? scoreLabels(batch) : null, classes, labels);
        // positives and their negatives share the images: two copies of each image's rows
        Images images = images(batch);
        States states = new States(2L * count, layers.size(), spec.width());
        Gradients fixed = new Gradients(Nd4j.zeros(DataType.FLOAT, count, spec.width()),
                Nd4j.zeros(DataType.FLOAT, classes, spec.width()));
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = batch.scratch()) {
                pass(l, images, 2, states, null, true);
            }
        }
        states.swap();
        for (int t = 1; t <= iterations; t++) {
            for (int l = 0; l < layers.size(); l++) {
                try (MemoryWorkspace scratch = batch.scratch()) {
                    Pass pass = pass(l, images, 2, states, labels, false);
                    stepLosses[l] += backward(l, pass, images, states, labels, fixed, t == 1) / iterations;
                }
            }
            states.swap();
        }
        fixedGradients(images, fixed);
        layers.forEach(RecurrentLayer::step);
        return stepLosses;
    }

    /**
     * One batch's images: their pixels (images x inputs, raw), 1 / s of each, and their product with
     * layer 1's image weights (images x width), computed once for all the batch's iterations and labels.
     */
    private record Images(INDArray pixels, INDArray inverse, INDArray product, int count) {}

    private Images images(Batch batch) {
        INDArray pixels = batch.pixels();
        int count = batch.count();
        INDArray inverse = Nd4j.createUninitialized(DataType.FLOAT, count, 1);
        RecurrentKernels.inverseScales(Floats.of(pixels), count, (int) pixels.columns(), Floats.of(inverse));
        return new Images(pixels, inverse, layers.get(0).belowProduct(pixels), count);
    }

    /**
     * The gradient of the terms that stay fixed through a batch, summed over its iterations: dz of each
     * image (its copies added; images x width) and of each clamped label (K x width).
     */
    private record Gradients(INDArray images, INDArray labels) {}

    /**
     * What one layer's pass left in the scratch workspace: its computed activity, and for each state
     * term (null when absent) the raw state, its sums of squares and the product array the gradient
     * reuses for dz / s.
     */
    private record Pass(INDArray computed, INDArray below, INDArray belowSquares, INDArray belowProduct,
            INDArray above, INDArray aboveSquares, INDArray aboveProduct) {}

    /**
     * Layer l's new state into {@code states.next(l)}: from the states at t-1 (damped), or in the
     * bottom-up pass from zero states (nothing above any layer, the layer below already at time zero,
     * undamped). {@code labels} (one per row) are clamped on the top layer, or null for none.
     */
    private Pass pass(int l, Images images, int copies, States states, int[] labels, boolean bottomUp) {
        RecurrentLayer layer = layers.get(l);
        int top = layers.size() - 1;
        int rows = copies * images.count();
        INDArray below = l == 0 ? null : bottomUp ? states.next(l - 1) : states.previous(l - 1);
        INDArray belowSquares = l == 0 ? null : bottomUp ? states.nextSquares(l - 1) : states.previousSquares(l - 1);
        INDArray above = bottomUp || l == top ? null : states.previous(l + 1);
        INDArray aboveSquares = above == null ? null : states.previousSquares(l + 1);
        INDArray belowProduct = below == null ? null : layer.belowProduct(below);
        INDArray aboveProduct = above == null ? null : layer.aboveProduct(above);
        INDArray computed = belowProduct != null ? belowProduct : aboveProduct != null ? aboveProduct
                : Nd4j.createUninitialized(DataType.FLOAT, rows, spec.width());
        boolean clamped = l == top && labels != null && !bottomUp;
        RecurrentKernels.Terms terms = new RecurrentKernels.Terms(l == 0 ? Floats.of(images.product()) : null,
                Floats.of(images.inverse()), clamped ? Floats.of(layer.dense().weights()) : null, layer.aboveOffset(),
                clamped ? labels : null, labelInverse, buffer(belowProduct), buffer(belowSquares), buffer(aboveProduct),
                buffer(aboveSquares), spec.width());
        RecurrentKernels.activate(terms, Floats.of(layer.dense().bias()), bottomUp ? null : Floats.of(states.previous(l)),
                damping, Floats.of(computed), Floats.of(states.next(l)), Floats.of(states.nextSquares(l)),
                images.count(), copies, spec.width());
        return new Pass(computed, below, belowSquares, belowProduct, above, aboveSquares, aboveProduct);
    }

    private static FloatBuffer buffer(INDArray array) {
        return array == null ? null : Floats.of(array);
    }

    /**
     * Layer l's local loss on its new state (positives in the first half of the rows, their negatives in
     * the second) and its gradient: the state terms' weight gradients added now (written over the
     * buffers at the first iteration), the bias's and the fixed terms' summed.
     *
     * @return the layer's loss
     */
    private double backward(int l, Pass pass, Images images, States states, int[] labels, Gradients fixed,
            boolean firstIteration) {
        RecurrentLayer layer = layers.get(l);
        int top = layers.size() - 1;
        int width = spec.width();
        INDArray state = states.next(l);
        FloatBuffer source;
        FloatBuffer perRow;
        double factor = 1 - damping;
        LayerLoss.Value value;
        if (goodness instanceof QuadraticGoodness quadratic) {
            double coefficient = quadratic.coefficient(width);
            value = layerLoss.of(quadratic.valueFromSquares(states.nextSquares(l), width));
            source = Floats.of(state);
            perRow = Floats.of(Floats.rowMajor(value.gradGoodness()));
            factor *= 2 * coefficient;
        } else {
            value = layerLoss.of(goodness.value(state));
            source = Floats.of(Floats.rowMajor(goodness.gradient(state, value.gradGoodness())));
            perRow = null;
        }
        INDArray aboveScaled = pass.above() == null ? null : pass.below() != null ? pass.aboveProduct() : pass.computed();
        RecurrentKernels.Sinks sinks = new RecurrentKernels.Sinks(Floats.of(layer.gradients().bias()), firstIteration,
                l == 0 ? Floats.of(fixed.images()) : null, l == top ? Floats.of(fixed.labels()) : null, labels, classes,
                pass.below() == null ? null : Floats.of(pass.computed()), buffer(pass.belowSquares()),
                buffer(aboveScaled), buffer(pass.aboveSquares()), width);
        double peerLoss = layer.peerLoss(Floats.of(state), images.count(), 1 - damping);
        RecurrentKernels.gradient(Floats.of(pass.computed()), source, perRow, factor, layer.peerGradient(), sinks,
                images.count(), 2, width);
        if (pass.below() != null) {
            layer.belowGradient(pass.below(), pass.computed(), firstIteration);
        }
        if (pass.above() != null) {
            layer.aboveGradient(pass.above(), aboveScaled, firstIteration);
        }
        return value.loss() + peerLoss;
    }

    /**
     * The fixed terms' weight gradients, once per batch: layer 1's image rows of dW = pixels^T (dz / s)
     * in one product over the images' summed dz, and the top layer's label rows of dW = dz of each label
     * times the one-hot's 1 / s.
     */
    private void fixedGradients(Images images, Gradients fixed) {
        RecurrentKernels.scaleRows(Floats.of(fixed.images()), Floats.of(images.inverse()), images.count(), spec.width());
        layers.get(0).belowGradient(images.pixels(), fixed.images(), true);
        RecurrentLayer top = layers.get(layers.size() - 1);
        FloatBuffer labelRows = Floats.of(fixed.labels());
        FloatBuffer weights = Floats.of(top.gradients().weights());
        int offset = top.aboveOffset() * spec.width();
        for (int i = 0; i < classes * spec.width(); i++) {
            weights.put(offset + i, labelRows.get(i) * labelInverse);
        }
    }

    /**
     * For each image and each of the K labels clamped at the top: the goodness of every hidden layer
     * summed over iterations scoreFrom..scoreTo. The images' product with layer 1's weights is shared
     * by all K labels.
     */
    private float[][] scoreLabels(Batch batch) {
        int count = batch.count();
        Images images = images(batch);
        States states = new States(count, layers.size(), spec.width());
        float[][] scores = new float[count][classes];
        int[] labels = passLabels;
        for (int label = 0; label < classes; label++) {
            java.util.Arrays.fill(labels, 0, count, label);
            for (int l = 0; l < layers.size(); l++) {
                try (MemoryWorkspace scratch = batch.scratch()) {
                    pass(l, images, 1, states, null, true);
                }
            }
            states.swap();
            for (int t = 1; t <= scoreTo; t++) {
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = batch.scratch()) {
                        Pass pass = pass(l, images, 1, states, labels, false);
                        batch.observe(l, pass.computed());
                        if (t >= scoreFrom) {
                            addGoodness(states, l, scores, label);
                        }
                    }
                }
                states.swap();
            }
        }
        return scores;
    }

    /** scores[r][label] += the goodness of row r of layer l's new state. */
    private void addGoodness(States states, int l, float[][] scores, int label) {
        FloatBuffer values = goodness instanceof QuadraticGoodness quadratic
                ? Floats.of(quadratic.valueFromSquares(states.nextSquares(l), spec.width()))
                : Floats.of(Floats.rowMajor(goodness.value(states.next(l))));
        for (int r = 0; r < scores.length; r++) {
            scores[r][label] += values.get(r);
        }
    }

    /** The hidden layers, bottom first (for tests that read their weights). */
    List<RecurrentLayer> layers() {
        return layers;
    }

    @Override
    public int[] predict(Batch batch) {
        return Labels.argMaxes(scoreLabels(batch));
    }
}
