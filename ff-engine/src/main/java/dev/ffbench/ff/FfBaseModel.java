package dev.ffbench.ff;

import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.MeasuredModel;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LearningRateSchedule;
import dev.ffbench.nn.Optimizer;
import dev.ffbench.nn.PixelBatch;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * FF Base. Every step runs in a {@link TransientMemory}: the batch and one activation array handed
 * up the stack ("carry") live in the step workspace, each layer's temporaries in the scratch
 * workspace, which the next layer reuses. So the transient footprint is one layer's working set
 * whatever the depth (a softmax readout adds its neutral pass and feature rows, batchSize x D, in the
 * phase that trains it). Layerwise training measures each layer's phase on its own, with the
 * persistent arrays of that phase (all weights and the readout's, plus gradients, optimizer state and
 * peer normalization's running means of the layer training, of the readout in the top layer's phase,
 * and of any finished layer that keeps them). Options: {@link FfBase} (step size, learning-rate
 * schedule, peer normalization, weight decay, readout).
 */
final class FfBaseModel extends MeasuredModel {
    private final ExperimentSpec spec;
    private final List<FfLayer> layers = new ArrayList<>();
    private final GoodnessFunction goodness;
    private final LayerLoss layerLoss;
    private final Optimizer optimizer;
    private final double learningRate;
    private final LabelEmbedding labelEmbedding;
    private final int classes;
    private final boolean hardNegatives;
    private final SplittableRandom random;
    /** Each training row's label (positives, then negatives), reused by every step. */
    private final int[] rowLabels;
    /** One label for every image of a label pass (scoring), reused by every pass. */
    private final int[] passLabels;
    /** The learning rate's schedule, or null when constant (the optimizer is then never rescaled). */
    private final LearningRateSchedule schedule;
    private final double peerWeight;
    private final String readoutName;
    /** The softmax readout's classifier, or null for a goodness readout. */
    private final Readout readout;

    FfBaseModel(ModelContext context) {
        super(context.memory());
        this.spec = context.spec();
        this.goodness = context.goodness(FfOptions.GOODNESS.name());
        this.layerLoss = context.layerLoss(goodness, spec.width());
        this.learningRate = context.learningRate();
        this.optimizer = Optimizer.named(spec.optimizer(), learningRate, spec.options().number(FfBase.WEIGHT_DECAY.name()));
        this.classes = context.classes();
        this.labelEmbedding = new LabelEmbedding(spec.options().text(FfBase.LABEL_MODE.name()), classes);
        this.hardNegatives = spec.options().text(FfOptions.NEGATIVES.name()).equals("hard");
        this.random = new SplittableRandom(spec.seed());
        String scheduleName = spec.options().text(FfOptions.LEARNING_RATE_SCHEDULE.name());
        this.schedule = scheduleName.equals("constant") ? null
                : new LearningRateSchedule(scheduleName, spec.options().number(FfOptions.COOL_DOWN_FRACTION.name()));
        this.peerWeight = spec.options().number(FfBase.PEER_NORMALIZATION.name());
        this.readoutName = spec.options().text(FfBase.READOUT.name());
        this.rowLabels = new int[2 * spec.batchSize()];
        this.passLabels = new int[spec.batchSize()];
        SplittableRandom init = random.split();
        int inputs = labelEmbedding.inputSize(context.inputSize());
        for (int l = 0; l < spec.depth(); l++) {
            layers.add(new FfLayer(memory, l == 0 ? inputs : spec.width(), spec.width(), init));
        }
        this.readout = Readout.of(readoutName, spec.depth(), spec.width(), classes, memory);
    }

    @Override
    public List<EpochLoss> train(ImageSet train) {
        List<EpochLoss> losses = new ArrayList<>();
        boolean keepAll = spec.options().text(FfBase.FINISHED_LAYER_KEEPS.name()).equals("all");
        if (spec.options().text(FfBase.SCHEDULE.name()).equals("simultaneous")) {
            layers.forEach(layer -> layer.startTraining(memory, optimizer, peerWeight));
            startReadout();
            runPhase("all layers", train, 0, layers.size() - 1, losses);
            layers.forEach(layer -> layer.finishTraining(memory, keepAll));
            finishReadout();
        } else {
            for (int l = 0; l < layers.size(); l++) {
                layers.get(l).startTraining(memory, optimizer, peerWeight);
                if (l == layers.size() - 1) {
                    startReadout(); // the readout trains with the top layer, on the activities it will see
                }
                runPhase("layer " + (l + 1), train, l, l, losses);
                layers.get(l).finishTraining(memory, keepAll);
            }
            finishReadout();
        }
        return losses;
    }

    private void startReadout() {
        if (readout != null) {
            readout.startTraining(memory, optimizer);
        }
    }

    /** The readout is trained once, so its gradient and optimizer state go whatever finished layers keep. */
    private void finishReadout() {
        if (readout != null) {
            readout.finishTraining(memory);
        }
    }

    /**
     * Trains layers {@code from..to} for every epoch, streaming batches through the layers below.
     * Layerwise (one layer trains), the gradient is written over the layer's activations; when every
     * layer trains, a layer that hands its activations on keeps them beside its gradient, and so does
     * the top layer, so that the working set is the same at every depth.
     */
    private void runPhase(String phase, ImageSet train, int from, int to, List<EpochLoss> losses) {
        try (TransientMemory transientMemory = new TransientMemory("ff-train")) {
            for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
                int[] order = PixelBatch.shuffled(train.count(), random);
                int steps = PixelBatch.stepsPerEpoch(train.count(), spec.batchSize(), spec.maxStepsPerEpoch());
                double[] lossSums = new double[to + 1];
                for (int step = 0; step < steps; step++) {
                    int start = step * spec.batchSize();
                    int count = Math.min(spec.batchSize(), train.count() - start);
                    if (schedule != null) {
                        long totalSteps = (long) steps * spec.epochs();
                        optimizer.scaleLearningRate(schedule.factor((long) (epoch - 1) * steps + step, totalSteps));
                    }
                    double[] stepLosses = trainStep(train, order, start, count, from, to, transientMemory);
                    for (int l = from; l <= to; l++) {
                        lossSums[l] += stepLosses[l];
                    }
                    if (from == 0) {
                        countTrainingImages(count);
                    }
                }
                for (int l = from; l <= to; l++) {
                    double loss = lossSums[l] / steps;
                    if (!Double.isFinite(loss)) {
                        throw new TrainingDivergedException("FF layer " + (l + 1) + " loss is " + loss + " in epoch "
                                + epoch + "; lower the learning rate (" + learningRate + ")");
                    }
                    losses.add(new EpochLoss(epoch, l + 1, loss));
                }
                if (to == layers.size() - 1) {
                    epochFinished(epoch); // the whole stack is trained or training: the model can predict
                }
            }
            recordPhase(phase, transientMemory);
        }
    }

    /** One batch: positives then as many negatives, up through layer {@code to}. */
    private double[] trainStep(ImageSet train, int[] order, int start, int count, int from, int to,
            TransientMemory transientMemory) {
        double[] stepLosses = new double[to + 1];
        try (MemoryWorkspace ignored = transientMemory.step()) {
            int[] labels = rowLabels;
            negativeLabels(train, order, start, count, to, transientMemory, labels);
            for (int i = 0; i < count; i++) {
                labels[i] = train.label(order[start + i]);
            }
            LabelledBatch batch = LabelledBatch.of(train, order, start, count, labelEmbedding);
            Activations carry = null;
            for (int l = 0; l <= to; l++) {
                if (l < to && carry == null) {
                    carry = Activations.create(2L * count, spec.width());
                }
                try (MemoryWorkspace scratch = transientMemory.scratch()) {
                    FfLayer layer = layers.get(l);
                    Activations handOn = l < to ? carry : null;
                    if (l >= from) {
                        stepLosses[l] = l == 0
                                ? layer.trainStepLabelled(batch, labels, layerLoss, goodness, handOn)
                                : layer.trainStep(carry, layerLoss, goodness, handOn, from == to);
                    } else if (l == 0) {
                        layer.forwardLabelled(batch, layer.imageProduct(batch), labels, carry);
                    } else {
                        layer.forward(carry, carry);
                    }
                }
            }
            if (readout != null && readout.training()) {
                double loss = readout.trainStep(neutralFeatures(train, order, start, count, transientMemory, false), labels);
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException("FF Base's softmax readout loss is " + loss
                            + "; lower the learning rate (" + learningRate + ")");
                }
            }
        }
        return stepLosses;
    }

    /**
     * The readout classifier's features for images {@code order[start..start+count)}: one pass with the
     * neutral label, each feature layer's activities length-normalized into its block of columns (count x
     * D, in the step workspace; each layer's temporaries in the scratch workspace). Nothing here is
     * differentiated: the FF layers get no gradient from the readout.
     *
     * @param observe whether to report the layers' activity to the dead-unit diagnostics
     */
    private INDArray neutralFeatures(ImageSet images, int[] order, int start, int count,
            TransientMemory transientMemory, boolean observe) {
        LabelledBatch batch = LabelledBatch.neutral(images, order, start, count, labelEmbedding);
        INDArray features = Nd4j.createUninitialized(DataType.FLOAT, count, readout.features());
        int top = layers.size() - 1;
        Activations carry = top > 0 ? Activations.create(count, spec.width()) : null;
        int firstFeature = Readout.firstFeatureLayer(readoutName, layers.size());
        for (int l = 0; l <= top; l++) {
            try (MemoryWorkspace scratch = transientMemory.scratch()) {
                Activations output = l < top ? carry : Activations.create(count, spec.width());
                if (l == 0) {
                    layers.get(0).forwardNeutral(batch, output);
                } else {
                    layers.get(l).forward(carry, output);
                }
                if (observe) {
                    observeActivity(l, output.values());
                }
                if (l >= firstFeature) {
                    Readout.putNormalized(output, features, (l - firstFeature) * spec.width());
                }
            }
        }
        return features;
    }

    /** Writes a wrong label for each of the {@code count} images into {@code labels[count..2 count)}. */
    private void negativeLabels(ImageSet train, int[] order, int start, int count, int topLayer,
            TransientMemory transientMemory, int[] labels) {
        float[][] scores = hardNegatives
                ? scoreLabels(train, order, start, count, topLayer, transientMemory)
                : null;
        for (int i = 0; i < count; i++) {
            int trueLabel = train.label(order[start + i]);
            labels[count + i] = scores == null
                    ? Labels.uniformWrong(trueLabel, classes, random)
                    : Labels.wrongFromScores(scores[i], trueLabel, random);
        }
    }

    /**
     * Goodness of each image under each of the K labels, summed over layers 2..{@code topLayer}+1
     * (layer 1 alone when it is the only one): one label pass at a time through the same carry.
     */
    private float[][] scoreLabels(ImageSet images, int[] order, int start, int count, int topLayer,
            TransientMemory transientMemory) {
        LabelledBatch batch = LabelledBatch.of(images, order, start, count, labelEmbedding);
        FfLayer first = layers.get(0);
        INDArray imageProduct = first.imageProduct(batch);
        float[][] scores = new float[count][classes];
        int[] labels = passLabels;
        Activations carry = topLayer > 0 ? Activations.create(count, spec.width()) : null;
        int firstScored = topLayer > 0 && !Readout.scoresFirstLayer(readoutName, layers.size()) ? 1 : 0;
        for (int label = 0; label < classes; label++) {
            java.util.Arrays.fill(labels, label);
            for (int l = 0; l <= topLayer; l++) {
                try (MemoryWorkspace scratch = transientMemory.scratch()) {
                    Activations output = l < topLayer ? carry : Activations.create(count, spec.width());
                    if (l == 0) {
                        first.forwardLabelled(batch, imageProduct, labels, output);
                    } else {
                        layers.get(l).forward(carry, output);
                    }
                    observeActivity(l, output.values());
                    if (l >= firstScored) {
                        addGoodness(output, scores, label);
                    }
                }
            }
        }
        return scores;
    }

    /** scores[r][label] += the goodness of row r of {@code output}. */
    private void addGoodness(Activations output, float[][] scores, int label) {
        int rows = (int) output.rows();
        if (goodness instanceof QuadraticGoodness quadratic) {
            double coefficient = quadratic.coefficient(spec.width());
            FloatBuffer squares = Floats.of(output.squares());
            for (int r = 0; r < rows; r++) {
                scores[r][label] += (float) (coefficient * squares.get(r));
            }
        } else {
            FloatBuffer values = Floats.of(Floats.rowMajor(goodness.value(output.values())));
            for (int r = 0; r < rows; r++) {
                scores[r][label] += values.get(r);
            }
        }
    }

    @Override
    public int[] predict(ImageSet images) {
        if (readout != null) {
            return evaluate(images, spec.batchSize(), (order, start, count, transientMemory) ->
                    readout.predict(neutralFeatures(images, order, start, count, transientMemory, true)));
        }
        return evaluate(images, spec.batchSize(),
                (order, start, count, transientMemory) -> Labels.argMaxes(
                        scoreLabels(images, order, start, count, layers.size() - 1, transientMemory)));
    }
}
