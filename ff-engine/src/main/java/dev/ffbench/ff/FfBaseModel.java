package dev.ffbench.ff;

import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.experiment.TrainingDivergedException;
import dev.ffbench.goodness.GoodnessFunction;
import dev.ffbench.goodness.LayerLoss;
import dev.ffbench.goodness.QuadraticGoodness;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.nn.Floats;
import dev.ffbench.nn.LearningRateSchedule;
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
 * FF Base. Every step runs in the engine's step workspace: the batch and one activation array handed
 * up the stack ("carry") live in the step workspace, each layer's temporaries in the scratch
 * workspace, which the next layer reuses. So the transient footprint is one layer's working set
 * whatever the depth (a softmax readout adds its neutral pass and feature rows, batchSize x D, in the
 * phase that trains it). Layerwise training measures each layer's phase on its own, with the
 * persistent arrays of that phase (all weights and the readout's, plus gradients, optimizer state and
 * peer normalization's running means of the layer training, of the readout in the top layer's phase,
 * and of any finished layer that keeps them). Options: {@link FfBase} (step size, learning-rate
 * schedule, peer normalization, weight decay, readout).
 */
final class FfBaseModel implements Model {
    private final PersistentMemory memory;
    private final ExperimentSpec spec;
    private final List<FfLayer> layers = new ArrayList<>();
    private final GoodnessFunction goodness;
    private final LayerLoss layerLoss;
    private final Optimizer optimizer;
    /**
     * The first layer's optimizer: {@link #optimizer} itself on one-channel images; on images of c > 1
     * channels one of its own at the learning rate divided by c (see {@link #firstLayerOptimizer}).
     */
    private final Optimizer firstOptimizer;
    private final double learningRate;
    private final LabelEmbedding labelEmbedding;
    private final int classes;
    private final boolean hardNegatives;
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
        this.memory = context.memory();
        this.spec = context.spec();
        this.goodness = context.goodness(FfOptions.GOODNESS);
        this.layerLoss = context.layerLoss(goodness, spec.width(), FfOptions.THRESHOLD.of(spec), FfBase.ALPHA.of(spec));
        this.learningRate = context.learningRate();
        this.optimizer = Optimizer.named(spec.optimizer(), learningRate, FfBase.WEIGHT_DECAY.of(spec));
        this.firstOptimizer = firstLayerOptimizer(spec, optimizer, learningRate, context.shape().channels());
        this.classes = context.classes();
        this.labelEmbedding = new LabelEmbedding(FfBase.LABEL_MODE.of(spec), classes);
        this.hardNegatives = FfOptions.NEGATIVES.of(spec).equals("hard");
        String scheduleName = FfOptions.LEARNING_RATE_SCHEDULE.of(spec);
        this.schedule = scheduleName.equals("constant") ? null
                : new LearningRateSchedule(scheduleName, FfOptions.COOL_DOWN_FRACTION.of(spec));
        this.peerWeight = FfBase.PEER_NORMALIZATION.of(spec);
        this.readoutName = FfBase.READOUT.of(spec);
        this.rowLabels = new int[2 * spec.batchSize()];
        this.passLabels = new int[spec.batchSize()];
        SplittableRandom init = context.random();
        int inputs = labelEmbedding.inputSize(context.inputSize());
        for (int l = 0; l < spec.depth(); l++) {
            layers.add(new FfLayer(memory, l == 0 ? inputs : spec.width(), spec.width(), init));
        }
        this.readout = Readout.of(readoutName, spec.depth(), spec.width(), classes, memory);
    }

    /**
     * Why the first layer steps 1/c as far on images of c channels. Adam moves every weight by about the
     * learning rate per step whatever the size of its gradient (SGD by a step proportional to it). The c
     * values of one pixel move together (identical for grey images copied into 3 channels, strongly
     * correlated in colour photographs), so their c weights of a unit get the same gradient and the same
     * update, and the unit's input moves c times as far per step as on the same image in one channel
     * (length normalization keeps each copy's values what they were in one channel). The default
     * learning rate was measured on grey digits: on the mnist-sample digits padded to 32x32 and copied
     * into 3 channels, FF Base at 0.003 killed every unit of layer 1 within the first epoch and scored
     * chance (11.27 %, while 90.28 % on one channel); not the label (labelMode=append died the same way),
     * nor the threshold. Dividing layer 1's rate by c restores the one-channel step: it learns as the
     * padded one-channel digits do (FfBaseChannelsTest). The hidden layers and the readout see the
     * layers' activities, not channels, and keep the rate. One channel: the same optimizer, unchanged.
     */
    static Optimizer firstLayerOptimizer(ExperimentSpec spec, Optimizer shared, double learningRate, int channels) {
        return channels == 1 ? shared
                : Optimizer.named(spec.optimizer(), learningRate / channels, FfBase.WEIGHT_DECAY.of(spec));
    }

    @Override
    public List<TrainingPhase> trainingPhases() {
        boolean keepAll = FfBase.FINISHED_LAYER_KEEPS.of(spec).equals("all");
        int top = layers.size() - 1;
        if (FfBase.SCHEDULE.of(spec).equals("simultaneous")) {
            return List.of(phase("all layers", 0, top, keepAll));
        }
        List<TrainingPhase> phases = new ArrayList<>();
        for (int l = 0; l <= top; l++) {
            phases.add(phase("layer " + (l + 1), l, l, keepAll));
        }
        return phases;
    }

    /**
     * The phase that trains layers {@code from..to}, streaming each batch through the layers below; the
     * readout trains with the top layer, on the activities it will see, and is trained once, so its
     * gradient and optimizer state go whatever finished layers keep.
     */
    private TrainingPhase phase(String name, int from, int to, boolean keepAll) {
        boolean withReadout = readout != null && to == layers.size() - 1;
        return TrainingPhase.of(name, () -> {
            for (int l = from; l <= to; l++) {
                layers.get(l).startTraining(memory, l == 0 ? firstOptimizer : optimizer, peerWeight);
            }
            if (withReadout) {
                readout.startTraining(memory, optimizer);
            }
        }, batch -> {
            if (schedule != null) {
                double factor = schedule.factor(batch.step(), batch.steps());
                optimizer.scaleLearningRate(factor);
                if (firstOptimizer != optimizer) {
                    firstOptimizer.scaleLearningRate(factor);
                }
            }
            return StepLoss.ofLayers(from + 1, trainStep(batch, from, to));
        }, () -> {
            for (int l = from; l <= to; l++) {
                layers.get(l).finishTraining(memory, keepAll);
            }
            if (withReadout) {
                readout.finishTraining(memory);
            }
        });
    }

    /**
     * One batch: positives then as many negatives, up through layer {@code to}; returns the losses of
     * layers {@code from..to}. Layerwise (one layer trains), the gradient is written over the layer's
     * activations; when every layer trains, a layer that hands its activations on keeps them beside its
     * gradient, and so does the top layer, so that the working set is the same at every depth.
     */
    private double[] trainStep(Batch batch, int from, int to) {
        double[] stepLosses = new double[to - from + 1];
        int count = batch.count();
        int[] labels = rowLabels;
        Labels.positivesAndNegatives(batch, hardNegatives ? scoreLabels(batch, to) : null, classes, labels);
        LabelledBatch input = LabelledBatch.of(batch, labelEmbedding);
        // a frozen first layer's image product serves the readout's neutral pass too (its label columns are zero)
        boolean withReadout = readout != null && readout.training();
        NeutralPass neutral = withReadout && from > 0 ? new NeutralPass(batch) : null;
        Activations carry = null;
        for (int l = 0; l <= to; l++) {
            if (l < to && carry == null) {
                carry = Activations.create(2L * count, spec.width());
            }
            try (MemoryWorkspace scratch = batch.scratch()) {
                FfLayer layer = layers.get(l);
                Activations handOn = l < to ? carry : null;
                if (l >= from) {
                    stepLosses[l - from] = l == 0
                            ? layer.trainStepLabelled(input, labels, layerLoss, goodness, handOn)
                            : layer.trainStep(carry, layerLoss, goodness, handOn, from == to);
                } else if (l == 0) {
                    INDArray imageProduct = layer.imageProduct(input);
                    layer.forwardLabelled(input, imageProduct, labels, carry);
                    if (neutral != null) {
                        neutral.firstLayer(imageProduct);
                    }
                } else {
                    layer.forward(carry, carry);
                }
            }
        }
        if (withReadout) {
            double loss = readout.trainStep(neutral != null ? neutral.features() : neutralFeatures(batch), labels);
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException("FF Base's softmax readout loss is " + loss
                        + "; lower the learning rate (" + learningRate + ")");
            }
        }
        return stepLosses;
    }

    /**
     * The readout classifier's features for images {@code order[start..start+count)}: one pass with the
     * neutral label, each feature layer's activities length-normalized into its block of columns (count x
     * D, in the step workspace; each layer's temporaries in the scratch workspace). Nothing here is
     * differentiated: the FF layers get no gradient from the readout. Reports the layers' activity to the
     * dead-unit diagnostics (which read it in the final evaluation).
     */
    private INDArray neutralFeatures(Batch images) {
        NeutralPass pass = new NeutralPass(images);
        try (MemoryWorkspace scratch = images.scratch()) {
            pass.firstLayer(null);
        }
        return pass.features();
    }

    /**
     * The readout's neutral pass over one batch, its arrays in the step workspace where it is created:
     * layer 1 first (from an image product the caller may already hold), then the layers above.
     */
    private final class NeutralPass {
        private final Batch images;
        private final LabelledBatch batch;
        private final INDArray features;
        private final Activations carry;
        private final int top = layers.size() - 1;
        private final int firstFeature = Readout.firstFeatureLayer(readoutName, layers.size());

        NeutralPass(Batch images) {
            this.images = images;
            this.batch = LabelledBatch.neutral(images, labelEmbedding);
            this.features = Nd4j.createUninitialized(DataType.FLOAT, images.count(), readout.features());
            this.carry = top > 0 ? Activations.create(images.count(), spec.width()) : null;
        }

        /** Layer 1's neutral activities, in the current (scratch) workspace; {@code imageProduct} null: computed here. */
        void firstLayer(INDArray imageProduct) {
            Activations output = top > 0 ? carry : Activations.create(images.count(), spec.width());
            FfLayer first = layers.get(0);
            first.forwardNeutral(batch, imageProduct != null ? imageProduct : first.imageProduct(batch), output);
            collect(0, output);
        }

        /** The layers above the first, each in a scratch workspace of its own; the features (count x D). */
        INDArray features() {
            for (int l = 1; l <= top; l++) {
                try (MemoryWorkspace scratch = images.scratch()) {
                    Activations output = l < top ? carry : Activations.create(images.count(), spec.width());
                    layers.get(l).forward(carry, output);
                    collect(l, output);
                }
            }
            return features;
        }

        private void collect(int l, Activations output) {
            images.observe(l, output.values());
            if (l >= firstFeature) {
                Readout.putNormalized(output, features, (l - firstFeature) * spec.width());
            }
        }
    }

    /**
     * Goodness of each image under each of the K labels, summed over layers 2..{@code topLayer}+1
     * (layer 1 alone when it is the only one): one label pass at a time through the same carry.
     */
    private float[][] scoreLabels(Batch images, int topLayer) {
        int count = images.count();
        LabelledBatch batch = LabelledBatch.of(images, labelEmbedding);
        FfLayer first = layers.get(0);
        INDArray imageProduct = first.imageProduct(batch);
        float[][] scores = new float[count][classes];
        int[] labels = passLabels;
        Activations carry = topLayer > 0 ? Activations.create(count, spec.width()) : null;
        int firstScored = topLayer > 0 && !Readout.scoresFirstLayer(readoutName, layers.size()) ? 1 : 0;
        for (int label = 0; label < classes; label++) {
            java.util.Arrays.fill(labels, label);
            for (int l = 0; l <= topLayer; l++) {
                try (MemoryWorkspace scratch = images.scratch()) {
                    Activations output = l < topLayer ? carry : Activations.create(count, spec.width());
                    if (l == 0) {
                        first.forwardLabelled(batch, imageProduct, labels, output);
                    } else {
                        layers.get(l).forward(carry, output);
                    }
                    images.observe(l, output.values());
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
    public int[] predict(Batch batch) {
        return readout != null ? readout.predict(neutralFeatures(batch)) : Labels.argMaxes(scoreLabels(batch, layers.size() - 1));
    }
}
