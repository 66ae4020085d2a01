package dev.ffbench.recurrent;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.ff.FfOptions;
import dev.ffbench.ff.Labels;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.LearningRateSchedule;
import dev.ffbench.nn.PixelBatch;
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
final class FfRecurrentModel extends MeasuredModel {
    private final ExperimentSpec spec;
    private final List<RecurrentLayer> layers = new ArrayList<>();
    private final GoodnessFunction goodness;
    private final LayerLoss layerLoss;
    private final ScheduledOptimizer optimizer;
    private final double learningRate;
    private final int classes;
    private final boolean hardNegatives;
    private final int iterations;
    private final double damping;
    private final int scoreFrom;
    private final int scoreTo;
    private final LearningRateSchedule schedule;
    private final SplittableRandom random;

    FfRecurrentModel(ModelContext context) {
        super(context.memory());
        this.spec = context.spec();
        this.goodness = context.goodness(FfRecurrent.GOODNESS.name());
        this.layerLoss = context.layerLoss(goodness, spec.width());
        this.learningRate = context.learningRate();
        this.optimizer = new ScheduledOptimizer(spec.optimizer(), learningRate);
        this.classes = context.classes();
        this.hardNegatives = spec.options().text(FfOptions.NEGATIVES.name()).equals("hard");
        this.iterations = spec.options().integer(FfRecurrent.ITERATIONS.name());
        this.damping = spec.options().number(FfRecurrent.DAMPING.name());
        this.scoreFrom = spec.options().integer(FfRecurrent.SCORE_FROM.name());
        this.scoreTo = spec.options().integer(FfRecurrent.SCORE_TO.name());
        this.schedule = new LearningRateSchedule(spec.options().text(FfOptions.LEARNING_RATE_SCHEDULE.name()),
                spec.options().number(FfOptions.COOL_DOWN_FRACTION.name()));
        this.random = new SplittableRandom(spec.seed());
        SplittableRandom init = random.split();
        for (int l = 0; l < spec.depth(); l++) {
            int below = l == 0 ? context.inputSize() : spec.width();
            int above = l == spec.depth() - 1 ? classes : spec.width();
            layers.add(new RecurrentLayer(memory, below, above, spec.width(), init));
        }
    }

    @Override
    public List<EpochLoss> train(ImageSet train) {
        layers.forEach(layer -> layer.startTraining(memory, optimizer));
        List<EpochLoss> losses = new ArrayList<>();
        try (TransientMemory transientMemory = new TransientMemory("recurrent-train")) {
            int steps = PixelBatch.stepsPerEpoch(train.count(), spec.batchSize(), spec.maxStepsPerEpoch());
            long totalSteps = (long) steps * spec.epochs();
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                int[] order = PixelBatch.shuffled(train.count(), random);
                double[] lossSums = new double[layers.size()];
                for (int step = 0; step < steps; step++) {
                    optimizer.setFactor(schedule.factor((long) (epoch - 1) * steps + step, totalSteps));
                    int start = step * spec.batchSize();
                    int count = Math.min(spec.batchSize(), train.count() - start);
                    double[] stepLosses = trainStep(train, order, start, count, transientMemory);
                    for (int l = 0; l < layers.size(); l++) {
                        lossSums[l] += stepLosses[l];
                    }
                    countTrainingImages(count);
                }
                for (int l = 0; l < layers.size(); l++) {
                    double loss = lossSums[l] / steps;
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException("FF Recurrent layer " + (l + 1) + " loss is " + loss
                                + " in epoch " + epoch + "; lower the learning rate (" + learningRate + ")");
                    }
                    losses.add(new EpochLoss(epoch, l + 1, loss));
                }
                epochFinished(epoch);
            }
            recordPhase("all layers", transientMemory);
        }
        layers.forEach(layer -> layer.finishTraining(memory));
        return losses;
    }

    /** One batch; returns each layer's loss averaged over the iterations. */
    private double[] trainStep(ImageSet train, int[] order, int start, int count, TransientMemory transientMemory) {
        double[] stepLosses = new double[layers.size()];
        try (MemoryWorkspace ignored = transientMemory.step()) {
            int[] negativeLabels = negativeLabels(train, order, start, count, transientMemory);
            int pixels = train.pixelsPerImage();
            float[] images = new float[2 * count * pixels];
            float[] labels = new float[2 * count * classes];
            for (int i = 0; i < count; i++) {
                int image = order[start + i];
                PixelBatch.write(train, image, images, i * pixels);
                PixelBatch.write(train, image, images, (count + i) * pixels);
                labels[i * classes + train.label(image)] = 1f;
                labels[(count + i) * classes + negativeLabels[i]] = 1f;
            }
            States states = new States(PixelBatch.toArray(images, 2 * count, pixels),
                    PixelBatch.toArray(labels, 2 * count, classes), layers.size(), spec.width());
            initialize(states, transientMemory);
            for (int t = 1; t <= iterations; t++) {
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = transientMemory.scratch()) {
                        RecurrentLayer.Step result = layers.get(l).trainIteration(states.below(l), states.above(l),
                                states.previous(l), damping, layerLoss, goodness, t == 1);
                        stepLosses[l] += result.loss() / iterations;
                        states.setNext(l, result.state());
                    }
                }
                states.swap();
            }
            layers.forEach(RecurrentLayer::step);
        }
        return stepLosses;
    }

    /** Time zero: one bottom-up pass from zero states, nothing above any layer. */
    private void initialize(States states, TransientMemory transientMemory) {
        states.reset();
        for (int l = 0; l < layers.size(); l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                INDArray below = l == 0 ? states.below(0) : states.next(l - 1);
                INDArray above = l == layers.size() - 1 ? states.noLabel() : states.previous(l + 1);
                states.setNext(l, layers.get(l).compute(below, above));
            }
        }
        states.swap();
    }

    private int[] negativeLabels(ImageSet train, int[] order, int start, int count, TransientMemory transientMemory) {
        float[][] scores = hardNegatives ? scoreLabels(train, order, start, count, transientMemory) : null;
        int[] negatives = new int[count];
        for (int i = 0; i < count; i++) {
            int trueLabel = train.label(order[start + i]);
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
    private float[][] scoreLabels(ImageSet images, int[] order, int start, int count, TransientMemory transientMemory) {
        int pixels = images.pixelsPerImage();
        float[] rows = new float[count * pixels];
        for (int i = 0; i < count; i++) {
            PixelBatch.write(images, order[start + i], rows, i * pixels);
        }
        States states = new States(PixelBatch.toArray(rows, count, pixels),
                Nd4j.zeros(DataType.FLOAT, count, classes), layers.size(), spec.width());
        INDArray scores = Nd4j.zeros(DataType.FLOAT, count, classes);
        for (int label = 0; label < classes; label++) {
            states.labels().assign(0);
            states.labels().getColumn(label, true).assign(1);
            initialize(states, transientMemory);
            for (int t = 1; t <= scoreTo; t++) {
                for (int l = 0; l < layers.size(); l++) {
                    try (MemoryWorkspace scratch = transientMemory.scratch()) {
                        INDArray computed = layers.get(l).compute(states.below(l), states.above(l));
                        observeActivity(l, computed);
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
    public int[] predict(ImageSet images) {
        return evaluate(images, spec.batchSize(),
                (order, start, count, transientMemory) -> Labels.argMaxes(
                        scoreLabels(images, order, start, count, transientMemory)));
    }
}
