package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.ExperimentSpec;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.Option;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.dataset.DatasetShape;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A built-in algorithm under another name ("recording-ff-base") that keeps the predictions of the test split
 * (the engine predicts it first, in batches, when no accuracy curve is asked for), so a test can see which classes a model predicts. Everything else is the
 * built-in's: options, learning rate, checks, model.
 */
public abstract class RecordingAlgorithm implements Algorithm {
    /** The test split's predictions of the last run of each recording algorithm, by its name. */
    public static final Map<String, int[]> TEST_PREDICTIONS = new ConcurrentHashMap<>();

    private final Algorithm inner;

    protected RecordingAlgorithm(Algorithm inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return "recording-" + inner.name();
    }

    @Override
    public String description() {
        return inner.description() + ", its test predictions kept";
    }

    @Override
    public List<Option<?>> options() {
        return inner.options();
    }

    @Override
    public double defaultLearningRate() {
        return inner.defaultLearningRate();
    }

    @Override
    public Integer defaultBatchSize() {
        return inner.defaultBatchSize();
    }

    @Override
    public List<String> problems(ExperimentSpec spec) {
        return inner.problems(spec);
    }

    @Override
    public List<String> problems(ExperimentSpec spec, DatasetShape data) {
        return inner.problems(spec, data);
    }

    @Override
    public Model build(ModelContext context) {
        Model model = inner.build(context);
        return new Model() {
            private int[] predictions;
            private boolean recorded;

            @Override
            public List<TrainingPhase> trainingPhases() {
                return model.trainingPhases();
            }

            @Override
            public int[] predict(Batch batch) {
                int[] batchPredictions = model.predict(batch);
                if (!recorded) {
                    if (predictions == null) {
                        predictions = new int[batch.images().count()];
                    }
                    System.arraycopy(batchPredictions, 0, predictions, batch.start(), batch.count());
                    if (batch.start() + batch.count() == predictions.length) {
                        TEST_PREDICTIONS.put(name(), predictions);
                        recorded = true;
                    }
                }
                return batchPredictions;
            }
        };
    }

    /** FF Base, recorded. */
    public static final class FfBase extends RecordingAlgorithm {
        public FfBase() {
            super(new dev.ffbench.ff.FfBase());
        }
    }

    /** Backprop, recorded. */
    public static final class Backprop extends RecordingAlgorithm {
        public Backprop() {
            super(new dev.ffbench.backprop.Backprop());
        }
    }
}
