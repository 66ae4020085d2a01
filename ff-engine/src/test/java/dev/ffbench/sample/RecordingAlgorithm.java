package dev.ffbench.sample;

import dev.ffbench.dataset.DatasetShape;
import dev.ffbench.dataset.ImageSet;
import dev.ffbench.experiment.Algorithm;
import dev.ffbench.experiment.EpochLoss;
import dev.ffbench.experiment.ExperimentSpec;
import dev.ffbench.experiment.Model;
import dev.ffbench.experiment.ModelContext;
import dev.ffbench.experiment.Option;
import dev.ffbench.memory.MemoryBreakdown;
import dev.ffbench.memory.PhaseMemory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A built-in algorithm under another name ("recording-ff-base") that keeps the predictions of the test split
 * (the runner predicts it first), so a test can see which classes a model predicts. Everything else is the
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
    public List<Option> options() {
        return inner.options();
    }

    @Override
    public double defaultLearningRate() {
        return inner.defaultLearningRate();
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
            private boolean recorded;

            @Override
            public List<EpochLoss> train(ImageSet train) {
                return model.train(train);
            }

            @Override
            public int[] predict(ImageSet images) {
                int[] predictions = model.predict(images);
                if (!recorded) {
                    TEST_PREDICTIONS.put(name(), predictions.clone());
                    recorded = true;
                }
                return predictions;
            }

            @Override
            public long trainingSamples() {
                return model.trainingSamples();
            }

            @Override
            public List<PhaseMemory> trainingPhases() {
                return model.trainingPhases();
            }

            @Override
            public MemoryBreakdown evaluationPeak() {
                return model.evaluationPeak();
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
