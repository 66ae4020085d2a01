package dev.ffbench.experiment;

import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.io.Problem;
import dev.ffbench.memory.PersistentMemory;
import dev.ffbench.memory.PhaseMemory;
import dev.ffbench.memory.TransientMemory;
import dev.ffbench.nn.PixelBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * The training loop the engine owns for every model: for each of the model's phases, every epoch of
 * the spec, the training split shuffled with the run's random numbers and cut into batches of the
 * spec's batchSize (capped by maxStepsPerEpoch), each step in a step workspace of the phase's
 * {@link TransientMemory}. It counts the images (those of the first phase: an image counts once per
 * epoch whatever the schedule), averages each loss over the epoch and stops a run whose mean is not
 * finite, records each phase's memory before the phase releases anything and checks after every step
 * that the model opened no workspace of its own. It times each epoch of each phase (wall clock, from the
 * shuffle to the last step's loss, the curve's evaluation after it excluded), so that the first epoch's
 * speed, JIT compilation included, can be told from the steady epochs'.
 */
final class TrainingLoop {
    private final String algorithm;
    private final double learningRate;
    private final Model model;
    private final PersistentMemory memory;
    private final SplittableRandom random;
    private final int batchSize;
    private final int epochs;
    private final int maxStepsPerEpoch;
    private final int depth;
    private final Workspaces workspaces;

    /**
     * @param random the run's random numbers, after the model's initialization took its split
     * @param workspaces the run's engine workspaces
     */
    TrainingLoop(ExperimentSpec spec, double learningRate, Model model, PersistentMemory memory, SplittableRandom random,
            Workspaces workspaces) {
        this.algorithm = spec.algorithm();
        this.learningRate = learningRate;
        this.model = model;
        this.memory = memory;
        this.random = random;
        this.batchSize = spec.batchSize();
        this.epochs = spec.epochs();
        this.maxStepsPerEpoch = spec.maxStepsPerEpoch();
        this.depth = spec.depth();
        this.workspaces = workspaces;
    }

    /**
     * What training measured: every epoch's loss of every layer that reports one (in training order),
     * the memory of each phase, the images trained on and the seconds of every epoch of every phase (in
     * training order).
     */
    record Outcome(List<EpochLoss> losses, List<PhaseMemory> phases, long trainingSamples, List<EpochSeconds> epochSeconds) {}

    /**
     * @param afterEpoch called after each epoch of the last phase, when the whole model can predict
     * @throws TrainingDivergedException when an epoch's mean loss is NaN or infinite
     * @throws ModelFailedException when the model breaks its contract (no phases, a missing or changing
     *     step loss, a workspace of its own)
     */
    Outcome run(ImageSet train, IntConsumer afterEpoch) {
        List<TrainingPhase> phases = checked(model.trainingPhases());
        int steps = PixelBatch.stepsPerEpoch(train.count(), batchSize, maxStepsPerEpoch);
        List<EpochLoss> losses = new ArrayList<>();
        List<PhaseMemory> recorded = new ArrayList<>();
        List<EpochSeconds> epochSeconds = new ArrayList<>();
        long samples = 0;
        for (int p = 0; p < phases.size(); p++) {
            TrainingPhase phase = phases.get(p);
            String name = phase.name();
            phase.start();
            try (TransientMemory transientMemory = new TransientMemory("train")) {
                workspaces.open(transientMemory);
                StepLoss shape = null;
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    long epochStart = System.nanoTime();
                    int[] order = PixelBatch.shuffled(train.count(), random);
                    double[] sums = null;
                    for (int step = 0; step < steps; step++) {
                        int start = step * batchSize;
                        int count = Math.min(batchSize, train.count() - start);
                        Batch batch = new Batch(train, order, start, count, transientMemory, random, epoch,
                                (long) (epoch - 1) * steps + step, (long) steps * epochs, null, true);
                        StepLoss loss;
                        try (MemoryWorkspace ignored = transientMemory.step()) {
                            loss = phase.step(batch);
                        }
                        workspaces.check(algorithm, model, "its step of phase '" + name + "'");
                        shape = checked(loss, shape, name, epoch, step);
                        if (sums == null) {
                            sums = new double[loss.size()];
                        }
                        for (int i = 0; i < sums.length; i++) {
                            sums[i] += loss.loss(i);
                        }
                        if (p == 0) {
                            samples += count;
                        }
                    }
                    for (int i = 0; i < sums.length; i++) {
                        EpochLoss mean = new EpochLoss(epoch, shape.layer(i), sums[i] / steps);
                        if (!Double.isFinite(mean.loss())) {
                            throw new TrainingDivergedException(String.format(Locale.ROOT, "training diverged: %s's loss%s is"
                                    + " %s in epoch %d (phase '%s'); lower the learning rate (%s), or look for a NaN the step"
                                    + " itself computes", algorithm, mean.layer() == 0 ? "" : " of layer " + mean.layer(),
                                    mean.loss(), epoch, name, learningRate));
                        }
                        losses.add(mean);
                    }
                    epochSeconds.add(new EpochSeconds(name, epoch, (System.nanoTime() - epochStart) / 1e9));
                    if (p == phases.size() - 1) {
                        afterEpoch.accept(epoch);
                    }
                }
                recorded.add(new PhaseMemory(name, memory.snapshot().withTransient(transientMemory.peakBytes())));
                workspaces.close(transientMemory);
            }
            phase.finish();
        }
        return new Outcome(losses, recorded, samples, epochSeconds);
    }

    /** The model's phases: at least one, each with a name of its own. */
    private List<TrainingPhase> checked(List<TrainingPhase> phases) {
        if (phases == null || phases.isEmpty()) {
            throw contract("trainingPhases()", "returned " + (phases == null ? "null" : "no phases"),
                    "at least one phase (one per layer for layerwise training, or one for all layers)");
        }
        Set<String> names = new HashSet<>();
        for (TrainingPhase phase : phases) {
            if (phase == null || phase.name() == null || !names.add(phase.name())) {
                throw contract("trainingPhases()", "returned " + (phase == null ? "a null phase" : phase.name() == null
                        ? "a phase without a name" : "two phases named '" + phase.name() + "'"), "phases with"
                        + " names of their own (the results and the report tell the phases apart by name)");
            }
        }
        return phases;
    }

    /** The step's loss, checked against the net's depth and the phase's first (the same layers on every step). */
    private StepLoss checked(StepLoss loss, StepLoss first, String phase, int epoch, int step) {
        String where = "its step " + (step + 1) + " of epoch " + epoch + " of phase '" + phase + "'";
        if (loss == null) {
            throw contract(where, "returned no loss", "StepLoss.of(loss) for the network's loss or"
                    + " StepLoss.ofLayers(firstLayer, losses...) for one per layer");
        }
        int last = loss.layer(loss.size() - 1);
        if (last > depth) {
            throw contract(where, "returned the losses of " + layers(loss), "layers 1.." + depth
                    + " (the spec's depth), or the network's loss");
        }
        if (first != null && (first.firstLayer() != loss.firstLayer() || first.size() != loss.size())) {
            throw contract(where, "returned the losses of " + layers(loss) + ", but its first step returned those of "
                    + layers(first), "the same layers on every step");
        }
        return first == null ? loss : first;
    }

    private static String layers(StepLoss loss) {
        return loss.firstLayer() == 0 ? "the network" : loss.size() == 1 ? "layer " + loss.firstLayer()
                : "layers " + loss.firstLayer() + ".." + (loss.firstLayer() + loss.size() - 1);
    }

    /** A broken contract of the model's {@code method} ("trainingPhases()", "its step 3 of epoch 1 of phase 'layer 1'"). */
    private ModelFailedException contract(String method, String finding, String allowed) {
        return new ModelFailedException(Problem.found("algorithm " + algorithm + "'s model " + model.getClass().getName()
                + ": " + method, finding, allowed));
    }
}
