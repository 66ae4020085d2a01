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
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LearningRateSchedule;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.PixelBatch;
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
    /** Each step's negative labels, reused by every step. */
    private final int[] negativeBuffer;

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
        this.negativeBuffer = new int[spec.batchSize()];
        SplittableRandom init = context.random();
        for (int l = 0; l < spec.depth(); l++) {
            int below = l == 0 ? context.inputSize() : spec.width();
            int above = l == spec.depth() - 1 ? classes : spec.width();
            layers.add(new RecurrentLayer(memory, below, above, spec.width(), init));
        }
    }

    @Override
    public List<TrainingPhase> trainingPhases() {
        return List.of(TrainingPhase.of("all layers", () -> layers.forEach(layer -> layer.startTraining(memory, optimizer)),
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
        int[] negativeLabels = negativeLabels(batch);
        // positives and their negatives share the images: the batch twice, the true then the wrong labels
        INDArray images = PixelBatch.rowsTwice(batch.images(), batch.order(), batch.start(), count);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 2L * count, classes);
        FloatBuffer oneHot = Floats.of(labels);
        for (int i = 0; i < count; i++) {
            oneHot.put(i * classes + batch.label(i), 1f);
            oneHot.put((count + i) * classes + negativeLabels[i], 1f);
        }
        States states = new States(images, labels, layers.size(), spec.width());
        initialize(states, batch);
        for (int t = 1; t <= iterations; t++) {
            for (int l = 0; l < layers.size(); l++) {
                try (MemoryWorkspace scratch = batch.scratch()) {
                    RecurrentLayer.Step result = layers.get(l).trainIteration(states.below(l), states.above(l),
                            states.previous(l), damping, layerLoss, goodness, t == 1);
                    stepLosses[l] += result.loss() / iterations;
                    states.setNext(l, result.state());
                }
            }
            states.swap();
        }
        layers.forEach(RecurrentLayer::step);
        return stepLosses;
    }

    /** Time zero: one bottom-up pass from zero states, nothing above any layer. */
    private void initialize(States states, Batch batch) {
        states.reset();
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = batch.scratch()) {
                INDArray below = l == 0 ? states.below(0) : states.next(l - 1);
                INDArray above = l == layers.size() - 1 ? states.noLabel() : states.previous(l + 1);
                states.setNext(l, layers.get(l).compute(below, above));
            }
        }
        states.swap();
    }

    /** A wrong label for each image of {@code batch}, in a buffer reused by every step. */
    private int[] negativeLabels(Batch batch) {
        float[][] scores = hardNegatives ? scoreLabels(batch) : null;
        int[] negatives = negativeBuffer;
        SplittableRandom random = batch.random();
        for (int i = 0; i < batch.count(); i++) {
            int trueLabel = batch.label(i);
            negatives[i] = scores == null
                    ? Labels.uniformWrong(trueLabel, classes, random)
                    : Labels.wrongFromScores(scores[i], trueLabel, random);
        }
        return negatives;
    }

    /**
     * For each image and each of the K labels clamped at the top: the goodness of every hidden layer
     * summed over iterations scoreFrom..scoreTo.
     */
    private float[][] scoreLabels(Batch batch) {
        int count = batch.count();
        States states = new States(batch.pixels(),
                Nd4j.zeros(DataType.FLOAT, count, classes), layers.size(), spec.width());
        INDArray scores = Nd4j.zeros(DataType.FLOAT, count, classes);
        for (int label = 0; label < classes; label++) {
            states.labels().assign(0);
            states.labels().getColumn(label, true).assign(1);
            initialize(states, batch);
            for (int t = 1; t <= scoreTo; t++) {
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = batch.scratch()) {
                        INDArray computed = layers.get(l).compute(states.below(l), states.above(l));
                        batch.observe(l, computed);
                        INDArray state = RecurrentLayer.damp(states.previous(l), computed, damping);
                        if (t >= scoreFrom) {
                            scores.getColumn(label, true).addi(goodness.value(state));
                        }
                        states.setNext(l, state);
                    }
                }
                states.swap();
            }
        }
        return scores.toFloatMatrix();
    }

    @Override
    public int[] predict(Batch batch) {
        return Labels.argMaxes(scoreLabels(batch));
    }
}
