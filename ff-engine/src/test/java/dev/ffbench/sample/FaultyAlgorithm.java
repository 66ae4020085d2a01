package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model with one fault on demand (option {@code fault}), each of a kind a user's code can have:
 * {@code heap-array} keeps a batch-sized Java array per step (memory outside the ledger),
 * {@code own-workspace} opens an ND4J workspace of its own in its step, {@code throw} throws in its
 * step, {@code nan-loss} reports a NaN loss, {@code short-predictions} predicts half the images,
 * {@code changing-loss} reports the network's loss and then layer 1's, {@code deep-loss} the losses of
 * two layers of a one-layer net, {@code reads-labels} reads the true labels in its predictor and
 * {@code twin-phases} has two phases of one name, {@code constructor-table} keeps a 4 MiB Java table from
 * its constructor on, {@code own-thread} has a thread of its own allocate 1 MiB in every step and
 * {@code many-heap-arrays} allocates {@link #MANY} arrays of 16,400 B in every step, each after a run of small
 * objects that leaves its thread's allocation buffer filled to a different level. {@code none} is a sound model
 * (it learns nothing: every image gets class 0).
 */
public final class FaultyAlgorithm implements Algorithm {
    static final Option<String> FAULT = Option.choice("fault", "none", List.of("none", "heap-array", "own-workspace", "throw",
            "nan-loss", "short-predictions", "changing-loss", "deep-loss", "reads-labels", "twin-phases", "constructor-table", "own-thread",
            "many-heap-arrays"), "the fault of the model");

    /** How many arrays {@code many-heap-arrays} allocates per step. */
    public static final int MANY = 400;

    /** Kept so that the small objects cannot be optimized away. */
    public static volatile Object sink;

    /** Kept so that the heap array cannot be optimized away. */
    public static volatile float[] kept;

    @Override
    public String name() {
        return "faulty";
    }

    @Override
    public String description() {
        return "a model with the fault its option names";
    }

    @Override
    public List<Option<?>> options() {
        return List.of(FAULT);
    }

    @Override
    public Model build(ModelContext context) {
        String fault = FAULT.of(context.spec());
        if (fault.equals("constructor-table")) {
            kept = new float[1 << 20]; // a lookup table of 4 MiB on the Java heap, made once
        }
        return new Model() {
            @Override
            public List<TrainingPhase> trainingPhases() {
                TrainingPhase phase = TrainingPhase.of("all layers", batch -> step(batch, fault));
                return fault.equals("twin-phases") ? List.of(phase, phase) : List.of(phase);
            }

            @Override
            public int[] predict(Batch batch) {
                if (fault.equals("reads-labels")) {
                    return new int[] {batch.label(0)};
                }
                return new int[fault.equals("short-predictions") ? batch.count() / 2 : batch.count()];
            }
        };
    }

    private static StepLoss step(Batch batch, String fault) {
        INDArray pixels = batch.pixels();
        switch (fault) {
            case "heap-array" -> kept = pixels.data().asFloat();
            case "many-heap-arrays" -> {
                for (int i = 0; i < MANY; i++) {
                    for (int j = 0; j < i % 37; j++) {
                        sink = new byte[8 + 8 * (i * j % 23)];
                    }
                    kept = new float[4096]; // 16 + 16,384 B
                }
            }
            case "own-thread" -> {
                Thread worker = new Thread(() -> kept = new float[1 << 18]);
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "own-workspace" -> {
                try (MemoryWorkspace own = Nd4j.getWorkspaceManager().getAndActivateWorkspace(
                        WorkspaceConfiguration.builder().initialSize(1 << 20).build(), "my-workspace")) {
                    Nd4j.create(DataType.FLOAT, batch.count(), 8);
                }
            }
            case "throw" -> throw new IllegalArgumentException("step " + batch.step() + " of a faulty model");
            case "nan-loss" -> {
                return StepLoss.of(Double.NaN);
            }
            case "changing-loss" -> {
                return batch.step() == 0 ? StepLoss.of(1) : StepLoss.ofLayers(1, 1);
            }
            case "deep-loss" -> {
                return StepLoss.ofLayers(1, 1, 1);
            }
            default -> { }
        }
        return StepLoss.of(pixels.meanNumber().doubleValue());
    }
}
