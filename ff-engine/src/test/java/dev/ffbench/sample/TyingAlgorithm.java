package dev.ffbench.sample;

import dev.ffbench.api.Algorithm;
import dev.ffbench.api.Batch;
import dev.ffbench.api.Model;
import dev.ffbench.api.ModelContext;
import dev.ffbench.api.StepLoss;
import dev.ffbench.api.TrainingPhase;
import dev.ffbench.ff.Labels;
import java.util.List;

/** A net that learned nothing: every label gets the same score for every image. */
public final class TyingAlgorithm implements Algorithm {
    @Override
    public String name() {
        return "tying";
    }

    @Override
    public String description() {
        return "scores every label the same";
    }

    @Override
    public Model build(ModelContext context) {
        return new Model() {
            @Override
            public List<TrainingPhase> trainingPhases() {
                return List.of(TrainingPhase.of("all layers", batch -> StepLoss.of(1)));
            }

            @Override
            public int[] predict(Batch batch) {
                return Labels.argMaxes(new float[batch.count()][context.classes()]);
            }
        };
    }
}
